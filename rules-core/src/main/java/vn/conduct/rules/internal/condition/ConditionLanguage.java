package vn.conduct.rules.internal.condition;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.apiguardian.api.API;
import vn.conduct.rules.api.Language;
import vn.conduct.rules.api.LocalizedText;
import vn.conduct.rules.internal.facts.Values;
import vn.conduct.rules.internal.model.DataType;

/**
 * The condition language of rule packs (spec section 9), defined once: every comparison
 * operator, aggregate function and window kind, with what it takes, the types it accepts, what it
 * means in three values, how explanations word it in Vietnamese and English, its symbol, the
 * hints that name it, and the values the test kit probes around it.
 *
 * <p>Everything else derives from this table: the parser and type checker
 * ({@link ConditionParser}), the Drools compiler and the plain-Java reading (both through
 * {@link FieldTest} and {@link Aggregation#truth}), the explainer's wording, the thresholds the
 * engine describes and the test kit's {@code BoundaryProbe}, and the condition part of the JSON
 * schemas and of the spec's operator table (generated and checked by tests).
 *
 * <p><b>Why enums.</b> An operator is data: a key, a {@link Form} (what it takes) and the set of
 * positions, relative to its constants, at which it holds. {@code ge} is "one value; holds at or
 * above it"; {@code between} is "a range; holds at the low end, inside or at the high end". So
 * adding an operator of an existing form is one line in {@link Operator}. A new form is a new
 * {@link Form} constant, and every switch over {@code Form} (exhaustive, with no default) then fails
 * to compile until each consumer handles it. Java 17 has no pattern switches over sealed types
 * without preview features; enum switch expressions are checked for exhaustiveness today.
 */
@API(status = API.Status.INTERNAL, since = "0.1", consumers = "vn.conduct.rules.testkit")
public final class ConditionLanguage {

  /** The three truth values of a condition. */
  public static final int FALSE = 0;
  public static final int TRUE = 1;
  public static final int UNKNOWN = -1;

  /** A number written in a pack is at most this many characters long. */
  public static final int MAX_NUMBER_LENGTH = 100;

  private static final Set<DataType> ANY_TYPE = Collections.unmodifiableSet(EnumSet.allOf(DataType.class));
  private static final Set<DataType> ORDERED = Collections.unmodifiableSet(EnumSet.of(DataType.NUMBER, DataType.DATE));
  private static final Set<DataType> LISTED = Collections.unmodifiableSet(EnumSet.of(DataType.STRING, DataType.NUMBER));

  /** The offsets the test kit tries around each constant of a threshold. */
  private static final List<BigDecimal> PROBE_STEPS = List.of(new BigDecimal("-1"), new BigDecimal("-0.01"),
      BigDecimal.ZERO, new BigDecimal("0.01"), BigDecimal.ONE);

  /** Sums keep this many significant digits: exact for every sum that fits, never an unbounded expansion. */
  private static final MathContext SUM_PRECISION = new MathContext(100, RoundingMode.HALF_EVEN);

  private ConditionLanguage() { }

  private static int positions(int... bits) {
    int mask = 0;
    for (int bit : bits) {
      mask |= 1 << bit;
    }
    return mask;
  }

  // ------------------------------------------------------------------------------------ forms

  /**
   * What an operator takes, and the positions a value can have relative to it. An operator holds
   * at the positions it accepts; a value that is missing has no position.
   */
  public enum Form {
    /** Takes {@code true}. Positions: 0 missing, 1 present. Decides missing values (never UNKNOWN). */
    PRESENCE("the value true", "write true; for the opposite use the other of exists and missing"),
    /** Takes one value or {@code {param: id}}. Positions: 0 below it, 1 equal, 2 above. */
    ONE("one value or {param: <id>}", "e.g. ge: 80 or ge: {param: target}"),
    /**
     * Takes {@code [low, high]}, each a value or {@code {param: id}}, low not above high. Positions:
     * 0 below low, 1 at low, 2 inside, 3 at high, 4 above high (equal ends: at low).
     */
    RANGE("[low, high], each a value or {param: <id>}", "e.g. between: [70, 90]"),
    /**
     * Takes a non-empty list of distinct values, not parameters (a host could make two of them
     * equal). Positions: 0 not listed, 1 listed.
     */
    LIST("a non-empty list of distinct values", "e.g. in: [leader, deputy]");

    /** What the operator's value must be, for messages: "'between' takes …". */
    public final String takes;
    /** An example, for hints. */
    public final String example;

    Form(String takes, String example) {
      this.takes = takes;
      this.example = example;
    }

    /** Whether a missing value gives TRUE or FALSE rather than UNKNOWN. */
    public boolean decidesMissing() {
      return switch (this) {
        case PRESENCE -> true;
        case ONE, RANGE, LIST -> false;
      };
    }

    /** Whether {@code {param: id}} may stand for a value. */
    public boolean takesParameters() {
      return switch (this) {
        case ONE, RANGE -> true;
        case PRESENCE, LIST -> false;
      };
    }

    /** How many values it takes: exactly this many, or at least one when {@code -1}. */
    public int arity() {
      return switch (this) {
        case PRESENCE -> 0;
        case ONE -> 1;
        case RANGE -> 2;
        case LIST -> -1;
      };
    }

    /** The name of the JSON schema definition of its value, or {@code null} for {@code const: true}. */
    public String schemaDefinition() {
      return switch (this) {
        case PRESENCE -> null;
        case ONE -> "value";
        case RANGE -> "range";
        case LIST -> "valueList";
      };
    }

    /**
     * The position of a present value, given {@code sign(i)}: the sign of (value − constant i).
     * Only the comparisons the form needs are made.
     */
    int position(IntUnaryOperator sign, int count) {
      return switch (this) {
        case PRESENCE -> 1;
        case ONE -> sign.applyAsInt(0) + 1;
        case RANGE -> {
          int low = sign.applyAsInt(0);
          if (low <= 0) {
            yield low + 1;
          }
          yield sign.applyAsInt(1) + 3;
        }
        case LIST -> {
          for (int i = 0; i < count; i++) {
            if (sign.applyAsInt(i) == 0) {
              yield 1;
            }
          }
          yield 0;
        }
      };
    }

    /** The values the test kit tries: each constant, and a little and a unit on either side. */
    public List<BigDecimal> probes(List<BigDecimal> constants) {
      return switch (this) {
        case PRESENCE -> List.of();
        case ONE, RANGE, LIST -> {
          java.util.TreeSet<BigDecimal> values = new java.util.TreeSet<>();
          for (BigDecimal constant : constants) {
            for (BigDecimal step : PROBE_STEPS) {
              values.add(plain(constant.add(step)));
            }
          }
          yield List.copyOf(values);
        }
      };
    }
  }

  // -------------------------------------------------------------------------------- operators

  /**
   * The comparison operators. Each is a key, a symbol, a {@link Form}, the positions at which it
   * holds, the data types it accepts, what it means (for the schema and the spec), and its wording
   * for explanations: templates in which {@code {0}}, {@code {1}} stand for the constants and
   * {@code {*}} for all of them as a list. Pack values are inserted as plain text, never as a
   * pattern.
   */
  public enum Operator {
    EQ("eq", "=", Form.ONE, positions(1), ANY_TYPE, "equals the value"),
    NE("ne", "≠", Form.ONE, positions(0, 2), ANY_TYPE, "differs from the value"),
    LT("lt", "<", Form.ONE, positions(0), ORDERED, "is less than the value"),
    LE("le", "≤", Form.ONE, positions(0, 1), ORDERED, "is at most the value"),
    GT("gt", ">", Form.ONE, positions(2), ORDERED, "is greater than the value"),
    GE("ge", "≥", Form.ONE, positions(1, 2), ORDERED, "is at least the value"),
    BETWEEN("between", "∈", Form.RANGE, positions(1, 2, 3), ORDERED, "lies in [low, high], both inclusive",
        "từ {0} đến {1}", "between {0} and {1}"),
    NOT_BETWEEN("not-between", "∉", Form.RANGE, positions(0, 4), ORDERED, "lies outside [low, high], below low or"
        + " above high", "ngoài khoảng từ {0} đến {1}", "not between {0} and {1}"),
    IN("in", "∈", Form.LIST, positions(1), LISTED, "is one of the values", "thuộc {*}", "one of {*}"),
    NOT_IN("not-in", "∉", Form.LIST, positions(0), LISTED, "is none of the values", "không thuộc {*}", "none of {*}"),
    EXISTS("exists", "exists", Form.PRESENCE, positions(1), ANY_TYPE, "has a value", "có giá trị", "has a value"),
    MISSING("missing", "missing", Form.PRESENCE, positions(0), ANY_TYPE, "has no value", "không có giá trị",
        "has no value");

    /** The key in pack YAML. */
    public final String key;
    /** A short symbol for compact displays. */
    public final String symbol;
    /** What it takes. */
    public final Form form;
    /** What it means, completing "TRUE when the operand …" (spec table, schema descriptions). */
    public final String meaning;
    private final int accepted;
    private final Set<DataType> types;
    private final String vi;
    private final String en;

    /** An operator worded by its symbol and value in both languages: "≥ 80". */
    Operator(String key, String symbol, Form form, int accepted, Set<DataType> types, String meaning) {
      this(key, symbol, form, accepted, types, meaning, symbol + " {0}", symbol + " {0}");
    }

    Operator(String key, String symbol, Form form, int accepted, Set<DataType> types, String meaning, String vi,
        String en) {
      this.key = key;
      this.symbol = symbol;
      this.form = form;
      this.accepted = accepted;
      this.types = types;
      this.meaning = meaning;
      this.vi = vi;
      this.en = en;
    }

    /** The operator with this key. */
    public static Optional<Operator> byKey(String key) {
      for (Operator op : values()) {
        if (op.key.equals(key)) {
          return Optional.of(op);
        }
      }
      return Optional.empty();
    }

    /** Every key, in table order. */
    public static List<String> keys() {
      return Arrays.stream(values()).map(op -> op.key).toList();
    }

    /** The data types it accepts. */
    public Set<DataType> types() {
      return types;
    }

    public boolean accepts(DataType type) {
      return types.contains(type);
    }

    /** Whether it may compare an aggregate's value (a number). */
    public boolean comparesAggregates() {
      return !form.decidesMissing() && accepts(DataType.NUMBER);
    }

    /**
     * Whether, on a number, it is a threshold: its outcome turns at its constants, so the engine
     * describes it ({@code RuleInfo.thresholds}) and the test kit probes it.
     */
    public boolean isThreshold() {
      return switch (form) {
        case ONE, RANGE -> true;
        case PRESENCE, LIST -> false;
      };
    }

    /** Whether it holds only where the value equals its one constant (so it may use an equality index). */
    public boolean isEquality() {
      return form == Form.ONE && accepted == positions(1);
    }

    /** The operators that compare values of a type (not the presence tests). */
    public static List<Operator> comparing(DataType type) {
      return Arrays.stream(values()).filter(op -> !op.form.decidesMissing() && op.accepts(type)).toList();
    }

    /** The operators that may compare an aggregate. */
    public static List<Operator> comparingAggregates() {
      return Arrays.stream(values()).filter(Operator::comparesAggregates).toList();
    }

    /** Whether it holds at a position. */
    boolean holdsAt(int position) {
      return (accepted >> position & 1) != 0;
    }

    /** Its truth on a missing value: UNKNOWN, unless its form decides missing values. */
    public int truthWhenMissing() {
      return form.decidesMissing() ? (holdsAt(0) ? TRUE : FALSE) : UNKNOWN;
    }

    /** Three-valued truth for the value in a slot of a fact. */
    int truth(Values values, int slot, Constants constants) {
      if (!values.present[slot]) {
        return truthWhenMissing();
      }
      return holdsAt(constants.position(form, values, slot)) ? TRUE : FALSE;
    }

    /** Whether it holds for a present value, given {@code sign(i)}: the sign of (value − constant i). */
    public boolean holds(IntUnaryOperator sign, int count) {
      return holdsAt(form.position(sign, count));
    }

    /** Whether it holds for a number, exactly (for the test kit's probes). */
    public boolean holds(BigDecimal value, List<BigDecimal> constants) {
      return holds(i -> value.compareTo(constants.get(i)), constants.size());
    }

    /** The values the test kit tries around its constants. */
    public List<BigDecimal> probes(List<BigDecimal> constants) {
      return form.probes(constants);
    }

    /** The requirement in words, e.g. {@code ≥ 80} or {@code between 70 and 90}; {@code shown} are the constants as shown. */
    public String words(Language language, List<String> shown) {
      return fill(language == Language.VI ? vi : en, shown);
    }

    /** The accepted types in words: "any type", "number or date". */
    public String typesInWords() {
      return inWords(types);
    }
  }

  /** "any type", "number or date", "string or number". */
  public static String inWords(Set<DataType> types) {
    if (types.size() == DataType.values().length) {
      return "any type";
    }
    return or(types.stream().map(DataType::label).toList());
  }

  /** Joins words: "a", "a or b", "a, b or c". */
  public static String or(List<String> words) {
    return join(words, " or ");
  }

  private static String join(List<String> words, String last) {
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + last + words.get(words.size() - 1);
  }

  /** Keys joined for a hint: "eq, ne, in or not-in". */
  public static String keys(Collection<Operator> operators) {
    return or(operators.stream().map(op -> op.key).toList());
  }

  /** Fills {@code {0}}, {@code {1}} and {@code {*}} in one pass: inserted text is never read as a template. */
  private static String fill(String template, List<String> shown) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
        char what = template.charAt(i + 1);
        if (what == '*') {
          text.append('[').append(String.join(", ", shown)).append(']');
          i += 2;
          continue;
        }
        if (what >= '0' && what <= '9' && what - '0' < shown.size()) {
          text.append(shown.get(what - '0'));
          i += 2;
          continue;
        }
      }
      text.append(c);
    }
    return text.toString();
  }

  // -------------------------------------------------------------------------------- constants

  /**
   * A comparison's constants, typed: strings as text; numbers, dates and booleans as a double
   * (dates as epoch days, booleans 1/0) beside the exact decimal of numbers. Numbers compare by
   * their doubles first; only equal doubles are decided by the decimals (the conversion to double
   * is monotone, so unequal doubles already order the exact values).
   */
  public static final class Constants {
    private final DataType type;
    private final String[] text;
    private final Set<String> textSet;
    private final double[] num;
    private final BigDecimal[] exact;

    private Constants(DataType type, List<Object> values) {
      this.type = type;
      int n = values.size();
      this.text = new String[n];
      this.num = new double[n];
      this.exact = new BigDecimal[n];
      for (int i = 0; i < n; i++) {
        Object value = values.get(i);
        if (type == DataType.STRING) {
          text[i] = (String) value;
        } else {
          num[i] = number(value);
          exact[i] = value instanceof Number number ? ConditionLanguage.exact(number)
              : value instanceof LocalDate date ? BigDecimal.valueOf(date.toEpochDay()) : null;
        }
      }
      this.textSet = type == DataType.STRING ? Set.copyOf(new HashSet<>(Arrays.asList(text))) : Set.of();
    }

    /** The constants of resolved operands (parameters replaced by values) for a field of a type. */
    public static Constants of(List<Cond.Operand> operands, DataType type) {
      List<Object> values = new ArrayList<>();
      for (Cond.Operand operand : operands) {
        if (operand.constant() == null) {
          throw new IllegalStateException("parameter '" + operand.param() + "' is not resolved");
        }
        values.add(operand.constant());
      }
      return new Constants(type, values);
    }

    public int size() {
      return num.length;
    }

    /** The exact value of number constant {@code i}. */
    public BigDecimal exact(int i) {
      return exact[i];
    }

    /**
     * The sign of (value in the slot − constant {@code i}). Strings have no order in the language:
     * an equal string is 0 and any other 1, which is all {@code eq}, {@code ne}, {@code in} and
     * {@code not-in} (the operators that accept strings) look at.
     */
    public int sign(Values values, int slot, int i) {
      if (type == DataType.STRING) {
        return text[i].equals(values.str[slot]) ? 0 : 1;
      }
      return compare(values.num[slot], values.dec[slot], num[i], exact[i]);
    }

    int position(Form form, Values values, int slot) {
      return switch (form) {
        case PRESENCE -> 1;
        case ONE -> sign(values, slot, 0) + 1;
        case RANGE -> {
          int low = sign(values, slot, 0);
          yield low <= 0 ? low + 1 : sign(values, slot, 1) + 3;
        }
        case LIST -> {
          if (type == DataType.STRING) {
            yield textSet.contains(values.str[slot]) ? 1 : 0;
          }
          for (int i = 0; i < num.length; i++) {
            if (sign(values, slot, i) == 0) {
              yield 1;
            }
          }
          yield 0;
        }
      };
    }

    @Override
    public String toString() {
      return type == DataType.STRING ? Arrays.toString(text) : Arrays.toString(exact);
    }
  }

  /**
   * Compares two numbers given as a double and (when known) the exact decimal it was read from:
   * unequal doubles decide; equal ones are decided by the decimals.
   */
  public static int compare(double a, BigDecimal exactA, double b, BigDecimal exactB) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    return exactA == null || exactB == null ? 0 : exactA.compareTo(exactB);
  }

  /** Numeric encoding of a constant for comparisons: numbers as a double, booleans 1/0, dates as epoch days. */
  public static double number(Object constant) {
    if (constant instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (constant instanceof LocalDate d) {
      return d.toEpochDay();
    }
    return ((Number) constant).doubleValue();
  }

  /** The exact decimal of a number: a decimal as is, integers exactly, a binary double by its shortest decimal form. */
  public static BigDecimal exact(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return BigDecimal.valueOf(number.longValue());
    }
    if (number instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    return BigDecimal.valueOf(number.doubleValue());
  }

  /**
   * Reads a number written in a pack: decimal notation with an optional exponent, at most
   * {@value #MAX_NUMBER_LENGTH} characters, within the range of a double (a non-zero value does not
   * round to zero); {@code null} otherwise. The value is kept exactly as written.
   */
  public static BigDecimal readNumber(String text) {
    if (text.length() > MAX_NUMBER_LENGTH || !text.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text);
      double d = value.doubleValue();
      return Double.isFinite(d) && (d != 0 || value.signum() == 0) ? value : null;
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** A number without trailing zeros and with a non-negative scale (80, not 8E+1 or 80.0). */
  public static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 && stripped.precision() - stripped.scale() <= 40 ? stripped.setScale(0) : stripped;
  }

  /**
   * A value as explanations show it: numbers in plain decimal (scientific only beyond 40 digits),
   * strings by the title their field declares for them, if any; everything else as text.
   */
  public static String show(Object value, Map<String, LocalizedText> titles, Language language) {
    if (value instanceof String text) {
      LocalizedText title = titles.get(text);
      return title == null || title.isEmpty() ? text : title.in(language);
    }
    if (value instanceof Number number) {
      BigDecimal plain = plain(exact(number));
      return plain.scale() <= 40 && plain.precision() - plain.scale() <= 40 ? plain.toPlainString() : plain.toString();
    }
    return String.valueOf(value);
  }

  // ------------------------------------------------------------------------------- field tests

  /**
   * A comparison of one slot of a fact, ready to evaluate: the one reading of comparisons, used by
   * the compiled rules and by the plain-Java reading alike. A final class, so that the hot path
   * makes no virtual call.
   */
  public static final class FieldTest {
    private final Operator operator;
    private final int slot;
    private final Constants constants;

    public FieldTest(Operator operator, int slot, Constants constants) {
      this.operator = operator;
      this.slot = slot;
      this.constants = constants;
    }

    /** TRUE, FALSE or UNKNOWN for a fact. */
    public int eval(Values values) {
      return operator.truth(values, slot, constants);
    }
  }

  // ----------------------------------------------------------------------------- aggregations

  /** What an aggregate saw; implemented by the accumulator. */
  public interface Tally {
    /** Elements accumulated: matching or undecided ones, and for {@code share} also those that do not match. */
    int elements();

    /** Elements whose {@code where}, or whose {@code of} value, is unknown. */
    int undecided();

    /** Elements that match for certain. */
    int matches();

    /** The exact sum of the matching elements' values. */
    BigDecimal sum();

    /** The least matching value, or {@code null} if none. */
    BigDecimal min();

    /** The greatest matching value, or {@code null} if none. */
    BigDecimal max();
  }

  /**
   * The aggregate functions. {@code counts}: elements count as matching or not, and undecided ones
   * may go either way (count, share); otherwise each matching element gives its {@code of} value
   * and an undecided element leaves the aggregate UNKNOWN. {@code zeroOverNone}: the value over no
   * element is 0 rather than UNKNOWN.
   */
  public enum Aggregation {
    COUNT("count", true, true, false, "Number of matching events or members; 0 when there is none (never UNKNOWN for lack of events).",
        "số", "number of") {
      @Override
      int compare(Tally tally, int matches, BigDecimal constant) {
        return BigDecimal.valueOf(matches).compareTo(constant);
      }

      @Override
      BigDecimal value(Tally tally) {
        return BigDecimal.valueOf(tally.matches());
      }
    },
    SHARE("share", true, false, true, "Percent (0-100) of events or members that match 'where'; UNKNOWN over no element.",
        "tỷ lệ", "share of") {
      /** 100 × matches ÷ elements against the constant, exactly: 100 × matches against constant × elements. */
      @Override
      int compare(Tally tally, int matches, BigDecimal constant) {
        return BigDecimal.valueOf(100L * matches).compareTo(constant.multiply(BigDecimal.valueOf(tally.elements())));
      }

      /** Rounded half up to two decimals, as reports show shares. */
      @Override
      BigDecimal value(Tally tally) {
        return BigDecimal.valueOf(100L * tally.matches())
            .divide(BigDecimal.valueOf(tally.elements()), 2, RoundingMode.HALF_UP);
      }

      @Override
      String unit() {
        return " %";
      }
    },
    SUM("sum", false, true, false, "Sum of the 'of' values of matching elements; 0 over no element.",
        "tổng {of} của", "sum of {of} over") {
      @Override
      BigDecimal value(Tally tally) {
        return tally.sum();
      }
    },
    MIN("min", false, false, false, "Least 'of' value of matching elements; UNKNOWN over no element.",
        "{of} thấp nhất trong", "lowest {of} among") {
      @Override
      BigDecimal value(Tally tally) {
        return tally.min();
      }
    },
    MAX("max", false, false, false, "Greatest 'of' value of matching elements; UNKNOWN over no element.",
        "{of} cao nhất trong", "highest {of} among") {
      @Override
      BigDecimal value(Tally tally) {
        return tally.max();
      }
    };

    /** The key in pack YAML. */
    public final String key;
    /** Whether elements count as matching or not (count, share), rather than giving an {@code of} value. */
    public final boolean counts;
    /** Whether its value over no element is 0 (count, sum) rather than UNKNOWN. */
    public final boolean zeroOverNone;
    /** Whether it ranges over members only, and needs the elements that do not match too (share). */
    public final boolean membersOnly;
    /** What it computes, for the schema. */
    public final String meaning;
    private final String vi;
    private final String en;

    Aggregation(String key, boolean counts, boolean zeroOverNone, boolean membersOnly, String meaning, String vi,
        String en) {
      this.key = key;
      this.counts = counts;
      this.zeroOverNone = zeroOverNone;
      this.membersOnly = membersOnly;
      this.meaning = meaning;
      this.vi = vi;
      this.en = en;
    }

    public static Optional<Aggregation> byKey(String key) {
      return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
      return Arrays.stream(values()).map(a -> a.key).toList();
    }

    /** Whether it needs {@code of}: a field whose values it takes. */
    public boolean needsOf() {
      return !counts;
    }

    /** The types its {@code of} field may have: numbers for a sum, numbers or dates (format 2) for min and max. */
    public Set<DataType> ofTypes() {
      return switch (this) {
        case COUNT, SHARE -> Set.of();
        case SUM -> Set.of(DataType.NUMBER);
        case MIN, MAX -> ORDERED;
      };
    }

    public boolean takesOf(DataType type) {
      return ofTypes().contains(type);
    }

    /**
     * Whether it is never UNKNOWN: it counts elements, is 0 over none, and has no {@code where}
     * that could leave an element undecided (count without {@code where}).
     */
    public boolean alwaysKnown(boolean hasWhere) {
      return counts && zeroOverNone && !hasWhere;
    }

    /** Whether elements whose {@code where} is FALSE still count (as the denominator of a share). */
    public boolean keepsNonMatching() {
      return membersOnly;
    }

    /** The sign of (its value with {@code matches} matching elements − the constant). */
    int compare(Tally tally, int matches, BigDecimal constant) {
      return value(tally).compareTo(constant);
    }

    /** Its value, for explanations; only when {@link #known}. */
    abstract BigDecimal value(Tally tally);

    /** Whether its value is known exactly. */
    public boolean known(Tally tally) {
      return tally.undecided() == 0 && (zeroOverNone || tally.elements() > 0);
    }

    /** Its value as explanations show it, or {@code ?} when it is not known. */
    public String shown(Tally tally) {
      return known(tally) ? show(value(tally), Map.of(), Language.EN) + unit() : "?";
    }

    /** What follows its value when shown: " %" for a share. */
    String unit() {
      return "";
    }

    /**
     * Three-valued truth of {@code aggregate op constants}. When elements may go either way (count,
     * share), the answer is TRUE (FALSE) if every possible number of matches makes the comparison
     * hold (fail), and UNKNOWN otherwise; for the others any undecided element leaves it UNKNOWN.
     */
    public int truth(Tally tally, Operator op, Constants constants) {
      if (!zeroOverNone && tally.elements() == 0) {
        return UNKNOWN;
      }
      if (!counts) {
        if (!known(tally)) {
          return UNKNOWN;
        }
        return holds(tally, tally.matches(), op, constants) ? TRUE : FALSE;
      }
      boolean anyHolds = false;
      boolean anyFails = false;
      for (int m = tally.matches(); m <= tally.matches() + tally.undecided(); m++) {
        if (holds(tally, m, op, constants)) {
          anyHolds = true;
        } else {
          anyFails = true;
        }
        if (anyHolds && anyFails) {
          return UNKNOWN;
        }
      }
      return anyHolds ? TRUE : FALSE;
    }

    private boolean holds(Tally tally, int matches, Operator op, Constants constants) {
      return op.holds(i -> compare(tally, matches, constants.exact(i)), constants.size());
    }

    /** What it computes in words, e.g. "sum of amount over"; {@code of} is the field's name, or {@code null}. */
    public String words(Language language, String of) {
      String template = language == Language.VI ? vi : en;
      return of == null ? template : template.replace("{of}", of);
    }

    /** Adds a value to a sum, exactly unless the exact sum has more than 100 significant digits. */
    public static BigDecimal add(BigDecimal sum, BigDecimal value) {
      return sum.add(value, SUM_PRECISION);
    }
  }

  // ---------------------------------------------------------------------------------- windows

  /** The windows an event aggregate looks through ({@code within}). */
  public enum WindowKind {
    /** The evaluation period. */
    PERIOD("period", "events in the evaluation period (the default)", "trong kỳ", "in the period"),
    /** Every event up to the evaluation date. */
    ALL("all", "every event up to the evaluation date", "tính đến ngày đánh giá", "to date"),
    /** A look-back: an ISO-8601 period before the evaluation date, such as {@code P12M}. */
    LOOK_BACK(null, "an ISO-8601 period without time part, such as P12M, P30D or P1Y, of at most 100 years: events"
        + " in that span up to the evaluation date", "trong {n}", "in the last {n}");

    /** Its key, or {@code null} for a look-back (written as a period). */
    public final String key;
    /** What it counts, for the schema. */
    public final String meaning;
    private final String vi;
    private final String en;

    /** The pattern of a look-back period as the schema states it (the loader also bounds it). */
    public static final String LOOK_BACK_PATTERN = "P(?=[0-9])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?";

    WindowKind(String key, String meaning, String vi, String en) {
      this.key = key;
      this.meaning = meaning;
      this.vi = vi;
      this.en = en;
    }

    /** Reads a window: a key, or a look-back period; {@code null} if it is neither. */
    public static Cond.Window read(String text) {
      for (WindowKind kind : values()) {
        if (kind.key != null && kind.key.equals(text)) {
          return new Cond.Window(kind, null);
        }
      }
      java.time.Period period = lookBack(text);
      return period == null ? null : new Cond.Window(LOOK_BACK, period);
    }

    /** What {@code within} may be, for messages. */
    public static String expected() {
      List<String> named = Arrays.stream(values()).filter(k -> k.key != null).map(k -> "'" + k.key + "'").toList();
      return String.join(", ", named) + " or a positive ISO-8601 period of at most 100 years, such as P12M or P30D";
    }

    /** The schema's pattern for {@code within}. */
    public static String schemaPattern() {
      List<String> alternatives = new ArrayList<>();
      for (WindowKind kind : values()) {
        alternatives.add(kind.key != null ? kind.key : LOOK_BACK_PATTERN);
      }
      return "^(" + String.join("|", alternatives) + ")$";
    }

    /** The window in words: "in the period", "in the last 12 months". */
    public String words(Language language, java.time.Period lookBack) {
      String template = language == Language.VI ? vi : en;
      return lookBack == null ? template : template.replace("{n}", span(lookBack, language));
    }

    /** The first day a look-back window counts: the day after the evaluation date minus the period. */
    public static LocalDate firstDay(LocalDate asOf, java.time.Period lookBack) {
      return asOf.minus(lookBack).plusDays(1);
    }
  }

  // ----------------------------------------------------------------------------------- reach

  /**
   * Whose events or which subjects an aggregate ranges over: the subject itself (events only),
   * its direct members of a type, or its descendants of a type at any depth (format 2). Written as
   * the scope's key ({@code members: officer}, {@code descendants: officer}) and, for the events of
   * members or descendants, as {@code about: {members: officer}}.
   */
  public enum Reach {
    /** The subject's own events. */
    SELF(null, "the subject itself", "", ""),
    /** Subjects whose parent is the subject. */
    MEMBERS("members", "the subject's direct members of the type: subjects whose parent is the subject",
        "thành viên", "members"),
    /** Subjects whose chain of parents contains the subject (format 2). */
    DESCENDANTS("descendants", "the subject's members of the type at any depth: subjects whose chain of parents"
        + " contains the subject", "thành viên các cấp", "descendants");

    /** The key in pack YAML, or {@code null} for the subject itself. */
    public final String key;
    /** What it ranges over, for the schema and the spec. */
    public final String meaning;
    private final String vi;
    private final String en;

    Reach(String key, String meaning, String vi, String en) {
      this.key = key;
      this.meaning = meaning;
      this.vi = vi;
      this.en = en;
    }

    /** The reaches written as keys, in table order. */
    public static List<Reach> keyed() {
      return Arrays.stream(values()).filter(r -> r.key != null).toList();
    }

    public static List<String> keys() {
      return keyed().stream().map(r -> r.key).toList();
    }

    public static Optional<Reach> byKey(String key) {
      return keyed().stream().filter(r -> r.key.equals(key)).findFirst();
    }

    /** Whether it needs format 2. */
    public boolean format2() {
      return switch (this) {
        case SELF, MEMBERS -> false;
        case DESCENDANTS -> true;
      };
    }

    /** The subjects it reaches, in words: "members" / "thành viên". */
    public String words(Language language) {
      return language == Language.VI ? vi : en;
    }
  }

  // ------------------------------------------------------------------------------ time points

  /**
   * The dates of an evaluation a condition may read (format 2, spec section 11): written
   * {@code {date: <key>}}, as a comparison's value, as the operand compared, or as an end of
   * {@code days-between}. They are known in every evaluation, so never UNKNOWN.
   */
  public enum TimePoint {
    /** R: the earlier of the period's last day and the decision date. */
    REFERENCE("reference", "the reference date R: the earlier of the last day of the period judged and the decision"
        + " date", "ngày tham chiếu", "the reference date"),
    /** The first day of the period judged. */
    PERIOD_START("period-start", "the first day of the period judged", "ngày đầu kỳ", "the first day of the period"),
    /** The last day of the period judged. */
    PERIOD_END("period-end", "the last day of the period judged", "ngày cuối kỳ", "the last day of the period"),
    /** D: the decision date. */
    DECISION("decision", "the decision date D", "ngày quyết định", "the decision date");

    /** The key in pack YAML: {@code {date: <key>}}. */
    public final String key;
    /** What it is, for the schema and the spec. */
    public final String meaning;
    private final String vi;
    private final String en;

    TimePoint(String key, String meaning, String vi, String en) {
      this.key = key;
      this.meaning = meaning;
      this.vi = vi;
      this.en = en;
    }

    public static Optional<TimePoint> byKey(String key) {
      return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
      return Arrays.stream(values()).map(t -> t.key).toList();
    }

    /** Its day in an evaluation, as an epoch day. */
    public long epochDay(vn.conduct.rules.internal.facts.EvalContext ctx) {
      return switch (this) {
        case REFERENCE -> ctx.asOf;
        case PERIOD_START -> ctx.periodStart;
        case PERIOD_END -> ctx.periodEnd;
        case DECISION -> ctx.decision;
      };
    }

    /** It in words: "the last day of the period" / "ngày cuối kỳ". */
    public String words(Language language) {
      return language == Language.VI ? vi : en;
    }
  }

  /** The key of the number operand counting the days from one date to another (format 2). */
  public static final String DAYS_BETWEEN = "days-between";

  /** {@code days-between} in words, {@code {0}} and {@code {1}} standing for its two dates. */
  public static String daysBetweenWords(Language language, String from, String to) {
    return language == Language.VI ? "số ngày từ " + from + " đến " + to : "days from " + from + " to " + to;
  }

  /**
   * Three-valued truth of a comparison whose values are only known in an evaluation (a date of the
   * evaluation, days between two dates): {@code value} and {@code constants} are exact, dates as
   * epoch days; a {@code null} value is missing.
   */
  public static int truth(Operator op, BigDecimal value, List<BigDecimal> constants) {
    if (value == null) {
      return op.truthWhenMissing();
    }
    return op.holds(value, constants) ? TRUE : FALSE;
  }

  /**
   * Reads a look-back window such as {@code P12M} or {@code P30D}: a positive ISO-8601 period of at
   * most 100 years (1 200 months, 36 525 days); {@code null} for anything else. The one definition
   * of a valid window, for conditions and deductions alike.
   */
  public static java.time.Period lookBack(String text) {
    try {
      java.time.Period period = java.time.Period.parse(text);
      boolean positive = !period.isNegative() && !period.isZero()
          && period.getYears() >= 0 && period.getMonths() >= 0 && period.getDays() >= 0;
      boolean bounded = period.toTotalMonths() <= 1200 && period.getDays() <= 36_525
          && period.toTotalMonths() * 31 + period.getDays() <= 37_200;
      return positive && bounded ? period : null;
    } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  /** A period in words: "12 tháng" / "12 months", "1 năm 6 tháng" / "1 year and 6 months"; "month" alone for one month. */
  static String span(java.time.Period period, Language language) {
    boolean vi = language == Language.VI;
    List<String> parts = new ArrayList<>();
    int[] amounts = {period.getYears(), period.getMonths(), period.getDays()};
    String[][] units = {{"năm", "year"}, {"tháng", "month"}, {"ngày", "day"}};
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] != 0) {
        parts.add(vi ? amounts[i] + " " + units[i][0]
            : amounts[i] + " " + units[i][1] + (amounts[i] == 1 ? "" : "s"));
      }
    }
    if (vi) {
      return String.join(" ", parts);
    }
    if (parts.size() == 1 && parts.get(0).startsWith("1 ")) {
      return parts.get(0).substring(2);
    }
    return join(parts, " and ");
  }
}
