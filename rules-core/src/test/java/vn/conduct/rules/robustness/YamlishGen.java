package vn.conduct.rules.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * YAML-ish texts and bytes: mostly YAML, often broken, with the things a hostile or careless file
 * holds: tags (including class names), anchors and aliases (including an alias bomb), merge keys,
 * duplicate keys, complex keys, directives, several documents, deep nesting, huge scalars, byte-order
 * marks, CRLF, tabs, control and format characters, and bytes that are not UTF-8.
 */
final class YamlishGen {

  private static final String[] WORDS = {
    "id", "title", "vi", "en", "format", "version", "engine", "vocabulary", "subject-types", "condition",
    "all", "any", "not", "attribute", "indicator", "eq", "ge", "between", "in", "count", "events", "within",
    "subjects", "observations", "as-of", "type", "value", "true", "false", "yes", "No", "on", "~", "null",
    "0777", "1e3", "0x1F", "1_000", ".inf", "-.NaN", "2025-06-31", "2025-02-29", "12:30:00", "1.10", "-0",
    "Hà Nội", "Đà Lạt", "cán bộ", "😀", "\u202Eevil", "a\u0000b", "tab\there", "\u00A0", "\u0085", "\u2028",
    "\uFEFF", "<<", "=", "!", "&", "*", "|", ">", "%", "@", "`", "#", "- ", "? ", ": ", "\"", "'", "\\", "{", "}",
    "[", "]", ",", "P12M", "P1DT2H", "period", "hn522.badge", "../../etc/passwd", "${jndi:ldap://x}", "#{1+1}",
  };

  private static final String[] TAGS = {
    "!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq", "!!timestamp", "!!binary", "!!set",
    "!!omap", "!!pairs", "!!merge", "!foo", "!", "!<tag:yaml.org,2002:str>", "!!python/object:os.system",
    "!!java.net.URL", "!!javax.script.ScriptEngineManager", "!<tag:yaml.org,2002:java.lang.Runtime>",
    "!!com.sun.rowset.JdbcRowSetImpl", "!e!tag%21",
  };

  private YamlishGen() { }

  /** A text: a document, a broken document, or a pathological one. */
  static Gen<String> text() {
    return Gen.frequency(
        70, (Gen<String>) YamlishGen::document,
        8, (Gen<String>) YamlishGen::deepNesting,
        4, (Gen<String>) YamlishGen::aliasBomb,
        6, (Gen<String>) YamlishGen::noise,
        2, (Gen<String>) random -> hugeScalar(random, 10_000 + random.nextInt(60_000)));
  }

  /** Bytes: a text in UTF-8, often with a BOM, a bad byte or another encoding. */
  static Gen<byte[]> bytes() {
    return random -> encode(random, text().next(random));
  }

  static byte[] encode(Random random, String text) {
    int how = random.nextInt(20);
    if (how == 0) {
      return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16);
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 8);
    if (how == 1 || how == 2) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    if (how >= 3 && how <= 5 && utf8.length > 0) {
      int at = random.nextInt(utf8.length);
      out.write(utf8, 0, at);
      out.writeBytes(Gen.pick(random, new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xFF},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE1, (byte) 0x80},
          new byte[] {(byte) 0xF0, (byte) 0x82, (byte) 0x82, (byte) 0xAC}, new byte[] {(byte) 0xF8, 0x41},
          new byte[] {0}));
      out.write(utf8, at, utf8.length - at);
      return out.toByteArray();
    }
    out.writeBytes(utf8);
    return out.toByteArray();
  }

  static String document(Random random) {
    StringBuilder text = new StringBuilder();
    if (random.nextInt(20) == 0) {
      text.append('\uFEFF');
    }
    if (random.nextInt(15) == 0) {
      text.append(Gen.pick(random, "%YAML 1.1\n", "%YAML 1.2\n", "%YAML 2.0\n", "%TAG !e! tag:example.com,2000:\n",
          "%FOO bar\n"));
    }
    if (random.nextInt(6) == 0) {
      text.append("---").append(random.nextBoolean() ? "\n" : " ");
    }
    block(random, text, 0, 0);
    if (random.nextInt(15) == 0) {
      text.append(Gen.pick(random, "\n...\n", "\n---\nsecond: document\n", "\n--- |\n  text\n"));
    }
    String result = text.toString();
    if (random.nextInt(8) == 0) {
      result = result.replace("\n", "\r\n");
    }
    if (random.nextInt(12) == 0) {
      result = result.replace("  ", "\t");
    }
    return result;
  }

  private static void block(Random random, StringBuilder text, int indent, int depth) {
    int shape = depth > 6 ? 0 : random.nextInt(10);
    if (shape <= 3) {
      text.append(scalar(random)).append('\n');
    } else if (shape <= 6) {
      int entries = 1 + Gen.size(random, 6);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < entries; i++) {
        if (i > 0 || depth > 0) {
          text.append(" ".repeat(indent));
        }
        String key = key(random, keys);
        keys.add(key);
        text.append(prefix(random)).append(key).append(':');
        if (random.nextInt(3) == 0) {
          text.append(' ').append(flow(random, depth + 1)).append('\n');
        } else if (random.nextInt(4) == 0) {
          text.append(' ').append(scalar(random)).append('\n');
        } else {
          text.append('\n').append(" ".repeat(indent + 2));
          block(random, text, indent + 2, depth + 1);
        }
      }
    } else if (shape <= 8) {
      int items = 1 + Gen.size(random, 6);
      for (int i = 0; i < items; i++) {
        if (i > 0 || depth > 0) {
          text.append(" ".repeat(indent));
        }
        text.append("- ").append(prefix(random));
        block(random, text, indent + 2, depth + 1);
      }
    } else {
      text.append(flow(random, depth)).append('\n');
    }
    if (random.nextInt(12) == 0) {
      text.append(" ".repeat(indent)).append("# ").append(Gen.pick(random, WORDS)).append('\n');
    }
  }

  private static String key(Random random, List<String> earlier) {
    int how = random.nextInt(20);
    if (how == 0 && !earlier.isEmpty()) {
      return Gen.pick(random, earlier);
    }
    if (how == 1) {
      return "<<";
    }
    if (how == 2) {
      return "? [a, b]\n";
    }
    if (how == 3) {
      return "\"" + Gen.pick(random, WORDS) + "\"";
    }
    if (how == 4) {
      return "x".repeat(1 + Gen.size(random, 2000));
    }
    return Gen.pick(random, WORDS).replace(": ", "").replace("#", "");
  }

  private static String prefix(Random random) {
    return switch (random.nextInt(24)) {
      case 0 -> "&a" + random.nextInt(3) + " ";
      case 1 -> "*a" + random.nextInt(3) + " ";
      case 2, 3 -> Gen.pick(random, TAGS) + " ";
      default -> "";
    };
  }

  private static String flow(Random random, int depth) {
    if (depth > 8 || random.nextInt(3) == 0) {
      return prefix(random) + scalar(random);
    }
    int n = Gen.size(random, 5);
    StringBuilder text = new StringBuilder();
    boolean mapping = random.nextBoolean();
    text.append(prefix(random)).append(mapping ? '{' : '[');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        text.append(", ");
      }
      if (mapping) {
        text.append(Gen.pick(random, WORDS).replaceAll("[,:{}\\[\\]#]", "")).append(": ");
      }
      text.append(flow(random, depth + 1));
    }
    if (random.nextInt(30) != 0) {
      text.append(mapping ? '}' : ']');
    }
    return text.toString();
  }

  static String scalar(Random random) {
    return switch (random.nextInt(12)) {
      case 0 -> "\"" + Gen.pick(random, WORDS).replace("\"", "\\\"") + Gen.pick(random, "", "\\x41", "\\uD800",
          "\\U0001F600", "\\q", "\\", "\\N", "\\L") + "\"";
      case 1 -> "'" + Gen.pick(random, WORDS).replace("'", "''") + "'";
      case 2 -> Gen.pick(random, "|", ">", "|-", ">+", "|2") + "\n  " + Gen.pick(random, WORDS) + "\n  "
          + Gen.pick(random, WORDS);
      case 3 -> randomText(random, 1 + Gen.size(random, 200));
      case 4 -> String.valueOf(random.nextLong());
      case 5 -> "x".repeat(Gen.size(random, 5_000));
      default -> Gen.pick(random, WORDS);
    };
  }

  static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int c = switch (random.nextInt(10)) {
        case 0 -> random.nextInt(0x20);
        case 1 -> 0x80 + random.nextInt(0x80);
        case 2 -> Gen.pick(random, 0xFEFF, 0x2028, 0x2029, 0x202E, 0x200B, 0xFFFE, 0xFFFF, 0xD800, 0xDFFF, 0x85);
        case 3 -> 0x1F600 + random.nextInt(0x50);
        case 4 -> 0x1EA0 + random.nextInt(0x60);
        case 5 -> random.nextInt(0x110000);
        default -> 0x20 + random.nextInt(0x5F);
      };
      if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
        text.append((char) c);
      } else {
        text.appendCodePoint(c);
      }
    }
    return text.toString();
  }

  static String deepNesting(Random random) {
    int depth = 20 + random.nextInt(random.nextBoolean() ? 200 : 1000);
    return switch (random.nextInt(4)) {
      case 0 -> "[".repeat(depth) + "]".repeat(depth);
      case 1 -> "{a: ".repeat(depth) + "1" + "}".repeat(depth);
      case 2 -> {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(depth, 400); i++) {
          text.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        yield text.append(" ".repeat(Math.min(depth, 400))).append("v\n").toString();
      }
      default -> "- ".repeat(Math.min(depth, 2000)) + "x\n";
    };
  }

  static String aliasBomb(Random random) {
    StringBuilder text = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    int levels = 3 + random.nextInt(8);
    for (int i = 1; i <= levels; i++) {
      text.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        text.append(j > 0 ? ", " : "").append("*a").append(i - 1);
      }
      text.append("]\n");
    }
    if (random.nextBoolean()) {
      text.append("self: &s [*s]\n");
    }
    return text.toString();
  }

  static String noise(Random random) {
    return randomText(random, Gen.size(random, 4000));
  }

  static String hugeScalar(Random random, int length) {
    String body = Gen.pick(random, "x", "ư", "😀", "a b ");
    String value = body.repeat(Math.max(1, length / body.length()));
    return switch (random.nextInt(3)) {
      case 0 -> "key: " + value + "\n";
      case 1 -> "key: \"" + value + "\"\n";
      default -> "key: |\n  " + value + "\n";
    };
  }
}
