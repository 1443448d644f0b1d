package vn.conduct.rules.internal.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The data types of attributes, indicators, event fields and parameters. */
public enum DataType {
  @JsonProperty("string") STRING,
  @JsonProperty("number") NUMBER,
  @JsonProperty("boolean") BOOLEAN,
  @JsonProperty("date") DATE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
