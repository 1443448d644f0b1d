package vn.conduct.rules.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.PersonalData;
import vn.conduct.rules.api.Report;
import vn.conduct.rules.api.SubjectResult;

/**
 * Pseudonymises a written report tree (report-format.md, section 14): every personal value the report
 * holds — the ids of subjects whose type is personal, the values of personal attributes — is replaced
 * by its pseudonym wherever it stands, as a whole value or as a word of a text (a reason, a fact
 * problem's message); the names of those subjects are left out unless kept. Values of other subjects and
 * everything the packs say are left as they are.
 */
final class Masking {

  private Masking() {
  }

  static ObjectNode mask(ObjectNode tree, Report report, Pseudonyms pseudonyms) {
    PersonalData personal = report.provenance().personalData();
    Map<String, String> replacements = new HashMap<>();
    List<String> phrases = new ArrayList<>(); // values with a space or a sign: replaced as substrings
    java.util.Set<String> personalIds = new java.util.HashSet<>();
    for (SubjectResult result : report.subjects()) {
      String type = result.subject().type();
      if (personal.isPersonal(type)) {
        personalIds.add(result.subject().id());
        replacements.put(result.subject().id(), pseudonyms.of(result.subject().id()));
      }
      for (String attribute : personal.attributes().getOrDefault(type, java.util.Set.of())) {
        Object value = result.subject().attributes().get(attribute);
        if (value != null && String.valueOf(value).strip().length() >= 3) {
          String text = String.valueOf(value).strip();
          replacements.put(text, pseudonyms.of(attribute + ":" + text));
          if (!isWord(text)) {
            phrases.add(text);
          }
        }
      }
    }
    phrases.sort((a, b) -> b.length() - a.length());
    if (!replacements.isEmpty()) {
      walk(tree, replacements, phrases, personalIds, pseudonyms.namesKept());
    }
    ObjectNode privacy = tree.putObject("privacy");
    privacy.put("method", "HMAC-SHA256 pseudonyms, p- and 20 hexadecimal digits");
    privacy.put("key", pseudonyms.randomKey() ? "random, drawn for this report: its pseudonyms match no other"
        : "the host's: the same value has the same pseudonym in every report written with it");
    privacy.set("subject-types", tree.arrayNode().addAll(personal.subjectTypes().stream()
        .map(TextNode::valueOf).toList()));
    ObjectNode attributes = privacy.putObject("attributes");
    personal.attributes().forEach((type, names) -> attributes.set(type, tree.arrayNode()
        .addAll(names.stream().map(TextNode::valueOf).toList())));
    privacy.put("names", pseudonyms.namesKept() ? "kept, as the caller asked" : "left out");
    privacy.put("masked-values", replacements.size());
    return tree;
  }

  private static void walk(JsonNode node, Map<String, String> replacements, List<String> phrases,
      java.util.Set<String> personalIds, boolean namesKept) {
    if (node instanceof ObjectNode object) {
      boolean personalSubject = object.has("id") && object.has("type") && personalIds.contains(object.path("id").asText());
      if (personalSubject && !namesKept && object.has("name")) {
        object.putNull("name");
      }
      boolean approver = object.has("role") && object.has("name") && !object.has("type");
      if (approver && !namesKept && personalIds.contains(object.path("id").asText(""))) {
        object.putNull("name");
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (value.isTextual()) {
          field.setValue(TextNode.valueOf(replace(value.asText(), replacements, phrases)));
        } else {
          walk(value, replacements, phrases, personalIds, namesKept);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (value.isTextual()) {
          array.set(i, TextNode.valueOf(replace(value.asText(), replacements, phrases)));
        } else {
          walk(value, replacements, phrases, personalIds, namesKept);
        }
      }
    }
  }

  /** The text with every personal value replaced: whole, word by word, then phrases with spaces or signs. */
  static String replace(String text, Map<String, String> replacements, List<String> phrases) {
    String whole = replacements.get(text);
    if (whole != null) {
      return whole;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && isWordChar(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        String word = text.substring(start, i);
        String bare = word.replaceAll("\\.+$", ""); // a word ending a sentence
        String masked = replacements.get(word);
        if (masked == null && !bare.equals(word) && replacements.containsKey(bare)) {
          masked = replacements.get(bare) + word.substring(bare.length());
        }
        out.append(masked != null ? masked : word);
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    String result = out.toString();
    for (String phrase : phrases) {
      result = result.replace(phrase, replacements.get(phrase));
    }
    return result;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }

  private static boolean isWord(String text) {
    return text.chars().allMatch(c -> isWordChar((char) c));
  }
}
