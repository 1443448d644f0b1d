package vn.conduct.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import vn.conduct.rules.api.RulesEngine;

/**
 * Writes synthetic rule packs (format v1) to directories, as YAML text built by hand: they are
 * test data, not an example of how to author a pack.
 *
 * <ul>
 *   <li>{@link #writeThresholdPack}: one subject type {@code unit} with 20 number indicators
 *       {@code n0..n19} and a boolean attribute {@code flag}; {@code R} requirement rules, rule
 *       {@code k} is {@code n<k%20> >= t_k}, and every fifth rule also needs {@code flag == true}.
 *       With the facts of {@link SyntheticFacts#units} about 14 % of (unit, rule) pairs FAIL.
 *       A pack holds at most 1 000 files (spec section 2, {@code pack.size}), so at most 999
 *       rules: the R rules are split into packs of {@value #RULES_PER_PACK} that declare the same
 *       vocabulary (R = 5000 gives 10 packs).
 *   <li>{@link #writeCrossFactPack}: subject types {@code agency} and {@code officer} (parent
 *       agency), one event type {@code violation-n<j>} per norm, one prohibition per norm on
 *       officers ({@code >= 2} verified violations of that norm within P12M). An agency rule "no
 *       officer with 2 violations of one norm" is not expressible in format v1: it needs an event
 *       count inside a member count's {@code where}, and the spec (9.3) allows only the member's
 *       attributes and indicators there (the loader rejects nested aggregates). So the pack has
 *       only the officer rules; {@link HandWrittenBaseline#crossFactFails} still computes the
 *       agency figure, for comparison with hand-written code that does the join.
 * </ul>
 */
public final class SyntheticPacks {

  /** Number of number indicators per unit ({@code n0..n19}). */
  public static final int INDICATORS = 20;

  /**
   * Rules per threshold pack. A pack may hold at most 1 000 files including {@code pack.yaml}
   * (spec section 2), so larger rule sets are split over several packs.
   */
  public static final int RULES_PER_PACK = 500;

  /** Number of norms (event types) in the cross-fact pack. */
  public static final int NORMS = 10;

  /** Violations of one norm within the window at which an officer's rule FAILS. */
  public static final int VIOLATION_LIMIT = 2;

  /** The window of the cross-fact rules, back from the evaluation date. */
  public static final String WINDOW = "P12M";

  /** Indicator names, {@code n0..n19}. */
  public static final String[] INDICATOR_NAMES = new String[INDICATORS];

  /** Event types, {@code violation-n0..violation-n9}. */
  public static final String[] EVENT_TYPES = new String[NORMS];

  /** Officer rule ids, {@code officer-n0..officer-n9}. */
  public static final String[] OFFICER_RULE_IDS = new String[NORMS];

  static {
    for (int i = 0; i < INDICATORS; i++) {
      INDICATOR_NAMES[i] = "n" + i;
    }
    for (int j = 0; j < NORMS; j++) {
      EVENT_TYPES[j] = "violation-n" + j;
      OFFICER_RULE_IDS[j] = "officer-n" + j;
    }
  }

  private static final String ENGINE_RANGE = ">=0.0.0 <1.0.0";

  private SyntheticPacks() { }

  /** One threshold rule: {@code indicator >= threshold}, and {@code flag == true} if needed. */
  public record ThresholdRule(String id, int indicator, int threshold, boolean needsFlag) {

    /** The rule's condition as YAML flow text. */
    String conditionYaml() {
      String comparison = "{indicator: " + INDICATOR_NAMES[indicator] + ", ge: " + threshold + "}";
      return needsFlag ? "{all: [{attribute: flag, eq: true}, " + comparison + "]}" : comparison;
    }
  }

  /**
   * The threshold packs written for one rule count.
   *
   * @param packIds the packs' ids, one per {@value #RULES_PER_PACK} rules
   * @param directories the packs' directories, in the same order
   * @param rules all rules, in rule-id order ({@code r0000, r0001, ...}); ids are unique across
   *     the packs
   */
  public record ThresholdPack(List<String> packIds, List<Path> directories, List<ThresholdRule> rules) {

    /** Builds an engine with every pack. */
    public RulesEngine buildEngine() {
      RulesEngine.Builder builder = RulesEngine.builder();
      directories.forEach(builder::addPack);
      return builder.build();
    }

    /** Number of rules. */
    public int size() {
      return rules.size();
    }

    /** Index of a rule id in {@link #rules()}, or -1. */
    public int indexOf(String ruleId) {
      if (ruleId.length() != 5 || ruleId.charAt(0) != 'r') {
        return -1;
      }
      try {
        int index = Integer.parseInt(ruleId, 1, 5, 10);
        return index < rules.size() ? index : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    int[] indicators() {
      return rules.stream().mapToInt(ThresholdRule::indicator).toArray();
    }

    int[] thresholds() {
      return rules.stream().mapToInt(ThresholdRule::threshold).toArray();
    }

    boolean[] needsFlag() {
      boolean[] flags = new boolean[rules.size()];
      for (int i = 0; i < flags.length; i++) {
        flags[i] = rules.get(i).needsFlag();
      }
      return flags;
    }
  }

  /** The cross-fact pack. */
  public record CrossFactPack(String packId, Path directory) {

    /** Builds an engine with this pack. */
    public RulesEngine buildEngine() {
      return RulesEngine.builder().addPack(directory).build();
    }

    /** Index of a rule id: {@code 0..NORMS-1} for the officer rules, -1 otherwise. */
    public int indexOf(String ruleId) {
      for (int j = 0; j < NORMS; j++) {
        if (OFFICER_RULE_IDS[j].equals(ruleId)) {
          return j;
        }
      }
      return -1;
    }
  }

  /**
   * The {@code count} threshold rules, deterministic. Rule {@code k} tests indicator
   * {@code k % 20}. Every fifth rule ({@code k % 5 == 4}, 20 %) also needs the flag; its
   * threshold is 2..8 (mean 5), the others' 8..20 (mean 14). With indicator values uniform in
   * 0..99 and the flag true for 90 % of units, a plain rule FAILS for t % of units and a flag
   * rule for 10 % + 0.9 * t %: about 14.1 % of pairs overall. Rules sharing an indicator have
   * different thresholds, so an engine that merges conditions by field gives wrong counts.
   */
  public static List<ThresholdRule> thresholdRules(int count) {
    List<ThresholdRule> rules = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      boolean needsFlag = k % 5 == 4;
      int threshold = needsFlag ? 2 + k % 7 : 8 + (k * 7) % 13;
      rules.add(new ThresholdRule(ruleId(k), k % INDICATORS, threshold, needsFlag));
    }
    return rules;
  }

  /** The id of threshold rule {@code k}: {@code r0000 .. r9999}. */
  public static String ruleId(int k) {
    if (k < 0 || k > 9999) {
      throw new IllegalArgumentException("rule index out of range 0..9999: " + k);
    }
    return String.format(Locale.ROOT, "r%04d", k);
  }

  /**
   * Writes the threshold packs for {@code ruleCount} rules into sub-directories of {@code root}
   * (created), one per {@value #RULES_PER_PACK} rules, named by pack id
   * ({@code bench-threshold-r<R>-p<i>}).
   */
  public static ThresholdPack writeThresholdPack(Path root, int ruleCount) {
    List<ThresholdRule> rules = thresholdRules(ruleCount);
    List<String> packIds = new ArrayList<>();
    List<Path> directories = new ArrayList<>();
    for (int first = 0, part = 0; first < ruleCount; first += RULES_PER_PACK, part++) {
      String packId = "bench-threshold-r" + ruleCount + "-p" + part;
      Path directory = root.resolve(packId);
      writeThresholdPart(directory, packId, ruleCount,
          rules.subList(first, Math.min(ruleCount, first + RULES_PER_PACK)));
      packIds.add(packId);
      directories.add(directory);
    }
    return new ThresholdPack(List.copyOf(packIds), List.copyOf(directories), List.copyOf(rules));
  }

  private static void writeThresholdPart(Path directory, String packId, int ruleCount,
      List<ThresholdRule> rules) {
    StringBuilder pack = header(packId, "Synthetic threshold pack, " + rules.size() + " of "
        + ruleCount + " rules");
    pack.append("vocabulary:\n")
        .append("  subject-types:\n")
        .append("    unit:\n")
        .append("      title: {vi: \"Don vi\", en: \"Unit\"}\n")
        .append("      attributes:\n")
        .append("        flag: {type: boolean}\n")
        .append("      indicators:\n");
    for (String name : INDICATOR_NAMES) {
      pack.append("        ").append(name).append(": {type: number}\n");
    }
    write(directory.resolve("pack.yaml"), pack);
    for (ThresholdRule rule : rules) {
      StringBuilder text = ruleHeader(rule.id(), "requirement", "unit");
      text.append("condition: ").append(rule.conditionYaml()).append('\n');
      write(directory.resolve("rules").resolve(rule.id()).resolve("rule.yaml"), text);
    }
  }

  /** Writes the cross-fact pack into {@code directory} (created). */
  public static CrossFactPack writeCrossFactPack(Path directory) {
    String packId = "bench-crossfact";
    StringBuilder pack = header(packId, "Synthetic cross-fact pack");
    pack.append("vocabulary:\n")
        .append("  subject-types:\n")
        .append("    agency:\n")
        .append("      title: {vi: \"Co quan\", en: \"Agency\"}\n")
        .append("    officer:\n")
        .append("      title: {vi: \"Can bo\", en: \"Officer\"}\n")
        .append("      parent: agency\n")
        .append("  event-types:\n");
    for (String type : EVENT_TYPES) {
      pack.append("    ").append(type).append(":\n")
          .append("      title: {vi: \"Vi pham ").append(type).append("\", en: \"Violation ")
          .append(type).append("\"}\n")
          .append("      subject-types: [officer]\n");
    }
    write(directory.resolve("pack.yaml"), pack);
    for (int j = 0; j < NORMS; j++) {
      StringBuilder text = ruleHeader(OFFICER_RULE_IDS[j], "prohibition", "officer");
      text.append("condition: ").append(violationCount(j)).append('\n');
      write(directory.resolve("rules").resolve(OFFICER_RULE_IDS[j]).resolve("rule.yaml"), text);
    }
    return new CrossFactPack(packId, directory);
  }

  private static String violationCount(int norm) {
    return "{count: {events: [" + EVENT_TYPES[norm] + "], within: " + WINDOW + "}, ge: "
        + VIOLATION_LIMIT + "}";
  }

  private static StringBuilder header(String packId, String title) {
    return new StringBuilder(4096)
        .append("# Generated by vn.conduct.benchmarks.SyntheticPacks: synthetic test data.\n")
        .append("format: 1\n")
        .append("id: ").append(packId).append('\n')
        .append("version: \"1.0.0\"\n")
        .append("title: {vi: \"").append(title).append("\", en: \"").append(title).append("\"}\n")
        .append("engine: \"").append(ENGINE_RANGE).append("\"\n")
        .append("sources:\n")
        .append("  synthetic:\n")
        .append("    number: \"SYN-1\"\n")
        .append("    title: {vi: \"Du lieu tong hop\", en: \"Synthetic data\"}\n");
  }

  private static StringBuilder ruleHeader(String id, String kind, String appliesTo) {
    return new StringBuilder(512)
        .append("id: ").append(id).append('\n')
        .append("title: {vi: \"Quy tac ").append(id).append("\", en: \"Rule ").append(id)
        .append("\"}\n")
        .append("source: {document: synthetic, basis: inferred}\n")
        .append("applies-to: [").append(appliesTo).append("]\n")
        .append("kind: ").append(kind).append('\n')
        .append("severity: minor\n");
  }

  private static void write(Path file, CharSequence text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** Creates a fresh temporary directory for packs. */
  public static Path tempRoot() {
    try {
      return Files.createTempDirectory("conduct-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary directory", e);
    }
  }

  /** Deletes a directory tree; quietly does nothing for {@code null} or a missing path. */
  public static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + root, e);
    }
  }
}
