package vn.conduct.rules.internal.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.conduct.rules.api.RulePackConflictException;
import vn.conduct.rules.internal.condition.Cond;
import vn.conduct.rules.internal.load.LoadedPack;
import vn.conduct.rules.internal.model.DataType;
import vn.conduct.rules.internal.model.FieldDoc;

/**
 * Where each field of each subject and event type lives in a fact's value arrays, across every
 * loaded pack. Two packs may declare the same type; a field they share must have one data type.
 */
public final class Layout {

  /** A field's slot and type; {@code valueTitles} are the titles of its declared values. */
  public record Slot(int index, DataType type, String unit, String declaredBy, java.util.List<String> values,
      Map<String, vn.conduct.rules.api.LocalizedText> valueTitles) { }

  private final Map<String, Map<String, Slot>> subjectFields = new HashMap<>();
  private final Map<String, Map<String, Slot>> eventFields = new HashMap<>();
  /** The same slots keyed by bare name, per scope: looked up once per fact, so no key is built. */
  private final Map<String, Map<String, Slot>> attributeSlots = new HashMap<>();
  private Map<String, Map<String, Slot>> indicatorSlots = new HashMap<>();
  private final Map<String, Map<String, Slot>> eventAttributeSlots = new HashMap<>();
  /** The parent types each subject type declares, across packs. */
  private final Map<String, java.util.Set<String>> parentTypes = new HashMap<>();
  /**
   * Per set of accepted methods a rule declares (format 2), per subject type, each indicator's own
   * slot: the latest observation recorded by one of those methods, for the rules that accept only them.
   */
  private final Map<java.util.Set<String>, Map<String, Map<String, Slot>>> methodIndicatorSlots = new HashMap<>();
  /** The views of this layout for each method set (indicators read from their method slots). */
  private final Map<java.util.Set<String>, Layout> views = new HashMap<>();
  /** The methods the loaded packs declare. */
  private final java.util.Set<String> declaredMethods = new java.util.TreeSet<>();
  /** The methods this view accepts; empty for the layout itself (every method). */
  private java.util.Set<String> methods = java.util.Set.of();
  /** The layout a view was made from; the layout itself otherwise. */
  private Layout base = this;

  public static Layout of(List<LoadedPack> packs) {
    Layout layout = new Layout();
    for (LoadedPack pack : packs) {
      String owner = pack.id() + " " + pack.manifest().version() + " (" + pack.origin() + ")";
      pack.manifest().vocabulary().subjectTypes().forEach((type, doc) -> {
        layout.subjectFields.computeIfAbsent(type, t -> new HashMap<>());
        java.util.Set<String> parents = layout.parentTypes.computeIfAbsent(type, t -> new java.util.TreeSet<>());
        if (doc.parent() != null) {
          parents.add(doc.parent());
        }
        doc.attributes().forEach((name, field) ->
            layout.add(layout.subjectFields, type, key(Cond.Scope.ATTRIBUTE, name), field, owner));
        doc.indicators().forEach((name, field) ->
            layout.add(layout.subjectFields, type, key(Cond.Scope.INDICATOR, name), field, owner));
      });
      pack.manifest().vocabulary().eventTypes().forEach((type, doc) -> {
        layout.eventFields.computeIfAbsent(type, t -> new HashMap<>());
        doc.attributes().forEach((name, field) ->
            layout.add(layout.eventFields, type, key(Cond.Scope.EVENT_ATTRIBUTE, name), field, owner));
      });
    }
    layout.subjectFields.forEach((type, fields) -> fields.forEach((key, slot) -> {
      Map<String, Map<String, Slot>> byScope = key.startsWith("indicator:") ? layout.indicatorSlots
          : layout.attributeSlots;
      byScope.computeIfAbsent(type, t -> new HashMap<>()).put(key.substring(key.indexOf(':') + 1), slot);
    }));
    layout.eventFields.forEach((type, fields) -> fields.forEach((key, slot) ->
        layout.eventAttributeSlots.computeIfAbsent(type, t -> new HashMap<>())
            .put(key.substring(key.indexOf(':') + 1), slot)));
    for (LoadedPack pack : packs) {
      layout.declaredMethods.addAll(pack.manifest().vocabulary().methods().keySet());
      for (LoadedPack.LoadedRule rule : pack.rules()) {
        java.util.Set<String> accepted = rule.doc().methods();
        if (!accepted.isEmpty() && !layout.methodIndicatorSlots.containsKey(accepted)) {
          layout.addMethodSlots(accepted);
        }
      }
    }
    return layout;
  }

  /** Gives every indicator of every subject type a second slot, for the rules that accept only these methods. */
  private void addMethodSlots(java.util.Set<String> accepted) {
    Map<String, Map<String, Slot>> byType = new HashMap<>();
    String suffix = METHOD_MARK + String.join(",", accepted);
    new java.util.TreeMap<>(indicatorSlots).forEach((type, slots) -> {
      Map<String, Slot> fields = subjectFields.get(type);
      Map<String, Slot> derived = new HashMap<>();
      new java.util.TreeMap<>(slots).forEach((name, slot) -> {
        Slot own = new Slot(fields.size(), slot.type(), slot.unit(), slot.declaredBy(), slot.values(), slot.valueTitles());
        fields.put(key(Cond.Scope.INDICATOR, name) + suffix, own);
        derived.put(name, own);
      });
      byType.put(type, derived);
    });
    methodIndicatorSlots.put(accepted, byType);
    Layout view = new Layout();
    view.subjectFields.putAll(subjectFields);
    view.eventFields.putAll(eventFields);
    view.attributeSlots.putAll(attributeSlots);
    view.eventAttributeSlots.putAll(eventAttributeSlots);
    view.parentTypes.putAll(parentTypes);
    view.indicatorSlots = byType;
    view.methods = java.util.Set.copyOf(accepted);
    view.base = this;
    views.put(accepted, view);
  }

  /** What follows an indicator's name in the field key of a method slot ({@link #subjectFields}). */
  public static final String METHOD_MARK = "@";

  /**
   * This layout as a rule that accepts only the given methods reads it: each indicator in the slot
   * that holds the latest observation recorded by one of them. The layout itself for no methods.
   */
  public Layout forMethods(java.util.Set<String> accepted) {
    if (base != this) {
      return base.forMethods(accepted);
    }
    if (accepted.isEmpty()) {
      return this;
    }
    Layout view = views.get(accepted);
    if (view == null) {
      throw new IllegalArgumentException("no method slots for " + accepted);
    }
    return view;
  }

  /** The methods this view accepts; empty for every method. */
  public java.util.Set<String> methods() {
    return methods;
  }

  /** Whether a fact recorded by {@code method} counts for this view: always, unless it accepts only some. */
  public boolean accepts(String method) {
    return methods.isEmpty() || method != null && methods.contains(method);
  }

  /** The methods the loaded packs declare (empty if none does). */
  public java.util.Set<String> declaredMethods() {
    return declaredMethods;
  }

  /** The method slots of an indicator that an observation recorded by {@code method} also fills. */
  public List<Slot> methodSlots(String type, String indicator, String method) {
    if (method == null || methodIndicatorSlots.isEmpty()) {
      return List.of();
    }
    List<Slot> slots = new java.util.ArrayList<>();
    methodIndicatorSlots.forEach((accepted, byType) -> {
      if (accepted.contains(method)) {
        Map<String, Slot> fields = byType.get(type);
        Slot slot = fields == null ? null : fields.get(indicator);
        if (slot != null) {
          slots.add(slot);
        }
      }
    });
    return slots;
  }

  private void add(Map<String, Map<String, Slot>> table, String type, String key, FieldDoc field, String owner) {
    Map<String, Slot> fields = table.computeIfAbsent(type, t -> new HashMap<>());
    Slot existing = fields.get(key);
    if (existing == null) {
      fields.put(key, new Slot(fields.size(), field.type(), field.unit(), owner, field.values(), field.valueTitles()));
    } else if (existing.type() != field.type()) {
      throw new RulePackConflictException("Field '" + key + "' of type '" + type + "' is a "
          + existing.type().label() + " in " + existing.declaredBy() + " but a " + field.type().label()
          + " in " + owner + " [Hint: packs that share a subject or event type must agree on its fields]");
    }
  }

  public static String key(Cond.Scope scope, String name) {
    return switch (scope) {
      case ATTRIBUTE -> "attribute:" + name;
      case INDICATOR -> "indicator:" + name;
      case EVENT_ATTRIBUTE -> "attribute:" + name;
    };
  }

  /** Whether some loaded pack declares {@code parentType} as the parent of {@code type}. */
  public boolean isParentType(String type, String parentType) {
    return parentTypes.getOrDefault(type, java.util.Set.of()).contains(parentType);
  }

  /** The parent types declared for a subject type, across packs (empty if none). */
  public java.util.Set<String> parentTypes(String type) {
    return parentTypes.getOrDefault(type, java.util.Set.of());
  }

  public boolean hasSubjectType(String type) {
    return subjectFields.containsKey(type);
  }

  public boolean hasEventType(String type) {
    return eventFields.containsKey(type);
  }

  /** The slot of a subject field, or {@code null} if the type does not declare it. */
  public Slot subjectSlot(String type, Cond.Scope scope, String name) {
    Map<String, Slot> fields = (scope == Cond.Scope.INDICATOR ? indicatorSlots : attributeSlots).get(type);
    return fields == null ? null : fields.get(name);
  }

  /** The slot of an event attribute, or {@code null}. */
  public Slot eventSlot(String type, String name) {
    Map<String, Slot> fields = eventAttributeSlots.get(type);
    return fields == null ? null : fields.get(name);
  }

  /** Slot for a field reference in the context of a subject or event type. */
  public Slot slot(String type, Cond.Field field) {
    return field.scope() == Cond.Scope.EVENT_ATTRIBUTE ? eventSlot(type, field.name())
        : subjectSlot(type, field.scope(), field.name());
  }

  public int subjectSlots(String type) {
    Map<String, Slot> fields = subjectFields.get(type);
    return fields == null ? 0 : fields.size();
  }

  public int eventSlots(String type) {
    Map<String, Slot> fields = eventFields.get(type);
    return fields == null ? 0 : fields.size();
  }

  /** Every declared subject field of a type, keyed {@code attribute:x} or {@code indicator:x}. */
  public Map<String, Slot> subjectFields(String type) {
    return subjectFields.getOrDefault(type, Map.of());
  }

  public Map<String, Slot> eventFields(String type) {
    return eventFields.getOrDefault(type, Map.of());
  }
}
