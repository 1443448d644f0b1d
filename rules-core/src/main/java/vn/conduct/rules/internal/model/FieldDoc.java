package vn.conduct.rules.internal.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.LocalizedText;

/**
 * An attribute or indicator: its data type, unit and (for strings) allowed values, each with an
 * optional title. {@code values} is written as a list ({@code [commune, ward]}) or as a mapping
 * from each value to its title ({@code {commune: {title: {vi: xã, en: commune}}, ward: …}}).
 *
 * @param values the allowed values, in the order written; empty when any value is allowed
 * @param valueTitles the titles of those values that have one
 * @param personal (format 2) whether the field is personal data, masked in pseudonymised reports
 * @param valuesWrittenEmpty whether the file wrote {@code values} with nothing in it (an error:
 *     no value would be allowed, which is never what an author means)
 */
public record FieldDoc(
    @NotNull DataType type, String unit, LocalizedText title, List<@NotNull String> values,
    Map<String, LocalizedText> valueTitles, @jakarta.validation.Valid RangeDoc range, String freshWithin,
    boolean valuesWrittenEmpty, Boolean personal) {

  /** The values an indicator may take, both bounds inclusive and optional (format 2). */
  public record RangeDoc(@Amount java.math.BigDecimal min, @Amount java.math.BigDecimal max) { }

  public FieldDoc {
    values = values == null ? List.of() : Collections.unmodifiableList(values.stream().map(Nfc::of).toList());
    if (valueTitles == null) {
      valueTitles = Map.of();
    } else {
      Map<String, LocalizedText> titles = new LinkedHashMap<>();
      valueTitles.forEach((value, valueTitle) -> titles.put(Nfc.of(value), valueTitle));
      valueTitles = Collections.unmodifiableMap(titles);
    }
  }


  @JsonCreator
  static FieldDoc read(@JsonProperty("type") DataType type, @JsonProperty("unit") String unit,
      @JsonProperty("title") LocalizedText title, @JsonProperty("values") DeclaredValues values,
      @JsonProperty("range") RangeDoc range, @JsonProperty("fresh-within") String freshWithin,
      @JsonProperty("personal") Boolean personal) {
    return new FieldDoc(type, unit, title, values == null ? null : values.ids(),
        values == null ? null : values.titles(), range, freshWithin, values != null && values.ids().isEmpty(), personal);
  }

  /** The title of a value, or {@code null}. */
  public LocalizedText titleOf(String value) {
    return valueTitles.get(value);
  }

  /** {@code values} as written: a list of strings, or a mapping from each value to {@code {title}}. */
  @JsonDeserialize(using = DeclaredValues.Reader.class)
  record DeclaredValues(List<String> ids, Map<String, LocalizedText> titles) {

    /** One value of the mapping form. */
    record Entry(LocalizedText title) { }

    /** Reads either form; anything else is reported by the binder as a value of the wrong shape. */
    static final class Reader extends StdDeserializer<DeclaredValues> {
      private static final long serialVersionUID = 1L;

      Reader() {
        super(DeclaredValues.class);
      }

      @Override
      public DeclaredValues deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
          List<String> ids = ctxt.readValue(p, ctxt.getTypeFactory().constructCollectionType(List.class, String.class));
          return new DeclaredValues(ids, Map.of());
        }
        if (p.currentToken() == JsonToken.START_OBJECT) {
          Map<String, Entry> entries = ctxt.readValue(p,
              ctxt.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Entry.class));
          if (entries == null) {
            return null;
          }
          Map<String, LocalizedText> titles = new LinkedHashMap<>();
          entries.forEach((id, entry) -> {
            if (entry != null && entry.title() != null && !entry.title().isEmpty()) {
              titles.put(id, entry.title());
            }
          });
          return new DeclaredValues(new ArrayList<>(entries.keySet()), titles);
        }
        return (DeclaredValues) ctxt.handleUnexpectedToken(DeclaredValues.class, p);
      }
    }
  }
}
