package io.candor.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.config.StrictSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rule catalogue: one file per category, {@code config/rules/<category>.yaml},
 * each a list of rules with settings and examples. Every key is checked: the ones every
 * rule has are read here, the rest belong to the rule's detector and are decoded strictly by
 * it. A team's {@code review.rules} switches (enabled, severity) are applied here, once.
 */
public final class RuleCatalog {
    static final String LISTS = "lists.yaml";
    private static final Set<String> RULE_KEYS = Set.of("id", "detector", "severity", "enabled", "applies",
            "yields_to", "fallback", "answers_when", "examples");

    static final String HISTORY = "history.yaml";
    private RuleCatalog() {
    }

    /** The rules of every category file, in file order. */
    public static List<RuleSpec> load(DataFiles files, ReviewSettings settings) {
        return load(files, settings, Set.of());
    }

    /**
     * @param alsoKnown rule ids defined elsewhere (the history rules) that {@code review.rules}
     *                  may name too
     */
    public static List<RuleSpec> load(DataFiles files, ReviewSettings settings, Set<String> alsoKnown) {
        List<RuleSpec> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode lists = files.read(LISTS).map(t -> files.mapping(LISTS, t)).orElse(null);
        for (Category c : Category.values()) {
            String name = c.id() + ".yaml";
            String text = files.read(name).orElse(null);
            if (text == null) {
                continue;
            }
            JsonNode root = files.mapping(name, text);
            String file = files.describe(name);
            Iterator<String> top = root.fieldNames();
            while (top.hasNext()) {
                String k = top.next();
                if (!k.equals("rules")) {
                    throw new ConfigException(file + ": unknown key '" + k + "' (a rule file holds only 'rules')");
                }
            }
            for (JsonNode r : root.path("rules")) {
                if (!(r instanceof ObjectNode o)) {
                    throw new ConfigException(file + ": every entry under 'rules' must be a mapping");
                }
                resolveLists(o, lists, file);
                RuleSpec spec = parse(o, c, file, settings);
                if (!ids.add(spec.id())) {
                    throw new ConfigException(file + ": rule " + spec.id() + " is defined twice");
                }
                out.add(spec);
            }
        }
        // history.yaml's rules are switched in the same review.rules (HistoryRules applies them)
        files.read(HISTORY).ifPresent(t -> files.mapping(HISTORY, t).path("rules").forEach(r -> ids.add(r.path("id").asText())));
        for (String id : settings.rules().keySet()) {
            if (!ids.contains(id) && !alsoKnown.contains(id)) {
                Set<String> all = new java.util.TreeSet<>(ids);
                all.addAll(alsoKnown);
                throw new ConfigException("review.rules names an unknown rule '" + id + "'; known rules: "
                        + String.join(", ", all));
            }
        }
        return out;
    }

    /**
     * Replaces a setting written as "@name" by the shared list of that name in lists.yaml, and
     * "@{name}" inside a pattern by the word class of that name (lists.yaml, {@code classes:}),
     * at any depth, so rules share one vocabulary for a concept ("push verbs", "my or our").
     */
    static void resolveLists(ObjectNode o, JsonNode lists, String file) {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            JsonNode v = o.get(k);
            if (v.isTextual() && v.asText().contains("@{")) {
                o.put(k, WordClasses.expand(v.asText(), lists, file + ": " + k));
            } else if (v.isArray() && !k.equals("examples")) {
                com.fasterxml.jackson.databind.node.ArrayNode a = (com.fasterxml.jackson.databind.node.ArrayNode) v;
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i).isTextual() && a.get(i).asText().contains("@{")) {
                        a.set(i, a.textNode(WordClasses.expand(a.get(i).asText(), lists, file + ": " + k)));
                    } else if (a.get(i) instanceof ObjectNode inner) {
                        resolveLists(inner, lists, file);
                    }
                }
            } else if (v.isTextual() && v.asText().startsWith("@")) {
                String list = v.asText().substring(1);
                JsonNode shared = lists == null ? null : lists.get(list);
                if (shared == null || !shared.isArray()) {
                    throw new ConfigException(file + ": " + k + " refers to an unknown shared list '" + list
                            + "' (see " + LISTS + ")");
                }
                JsonNode copy = shared.deepCopy();
                if (copy instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
                    for (int i = 0; i < a.size(); i++) {
                        if (a.get(i).isTextual() && a.get(i).asText().contains("@{")) {
                            a.set(i, a.textNode(WordClasses.expand(a.get(i).asText(), lists, LISTS + ": " + list)));
                        }
                    }
                }
                o.set(k, copy);
            } else if (v instanceof ObjectNode inner && !k.equals("examples")) {
                resolveLists(inner, lists, file);
            }
        }
    }

    private static RuleSpec parse(ObjectNode r, Category c, String file, ReviewSettings settings) {
        String id = r.path("id").asText("");
        if (!id.startsWith(c.id() + ".")) {
            throw new ConfigException(file + ": rule id '" + id + "' must start with '" + c.id() + ".'");
        }
        String where = file + ": rule " + id;
        String detector = r.path("detector").asText("");
        if (detector.isEmpty()) {
            throw new ConfigException(where + " names no detector");
        }
        Set<DraftKind> applies = applies(r.get("applies"), where);
        Map<DraftKind, Severity> severities = severities(r.get("severity"), applies, where);
        boolean enabled = flag(r, "enabled", true, where);
        ReviewSettings.RuleOverride o = settings.rules().get(id);
        if (o != null) {
            if (o.severity() != null) {
                Severity s = severity(o.severity(), "review.rules." + id + ".severity");
                applies.forEach(k -> severities.put(k, s));
            }
            if (o.enabled() != null) {
                enabled = o.enabled();
            }
        }
        List<String> yields = new ArrayList<>();
        if (r.has("yields_to")) {
            r.get("yields_to").forEach(y -> yields.add(y.asText()));
        }
        ObjectNode own = r.deepCopy();
        own.remove(RULE_KEYS);
        JsonNode ex = r.path("examples");
        Iterator<String> keys = ex.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!k.equals("trigger") && !k.equals("pass")) {
                throw new ConfigException(where + ": examples: unknown key '" + k + "' (known: pass, trigger)");
            }
        }
        return new RuleSpec(id, c, detector, severities, enabled, applies, yields, flag(r, "fallback", false, where),
                answersWhen(r.get("answers_when"), where), own, examples(ex.path("trigger"), where), examples(ex.path("pass"), where), file);
    }

    /** The fields an example may have besides its text. */
    record ExampleFields(String text, List<String> platforms, String replyTo, String kind) {
    }

    static List<RuleSpec.Example> examples(JsonNode list, String where) {
        List<RuleSpec.Example> out = new ArrayList<>();
        for (JsonNode e : list) {
            try {
                if (e.isTextual()) {
                    out.add(RuleSpec.Example.written(e.asText(), List.of(), null, null));
                    continue;
                }
                ExampleFields f = StrictSettings.decode(e, ExampleFields.class, where + ": example");
                if (f.text() == null) {
                    throw new ConfigException(where + ": an example needs a text");
                }
                out.add(RuleSpec.Example.written(f.text(), f.platforms(), f.replyTo(), f.kind()));
            } catch (IllegalArgumentException x) {
                throw new ConfigException(where + ": " + x.getMessage());
            }
        }
        return out;
    }

    private static boolean flag(JsonNode r, String key, boolean def, String where) {
        JsonNode n = r.get(key);
        if (n == null) {
            return def;
        }
        if (!n.isBoolean()) {
            throw new ConfigException(where + ": key '" + key + "' must be true or false");
        }
        return n.asBoolean();
    }

    /**
     * The situations in which this rule's finding would be the answer, not a fault: "asked-place",
     * "asked-price", "asked-recommendation", "service" (see {@link Conversation}).
     */
    private static Set<Situation> answersWhen(JsonNode n, String where) {
        if (n == null) {
            return Set.of();
        }
        Set<Situation> out = EnumSet.noneOf(Situation.class);
        for (JsonNode v : n.isArray() ? n : List.of(n)) {
            Situation s = null;
            try {
                s = Situation.parse(v.asText());
            } catch (IllegalArgumentException e) {
                // named below with the choices
            }
            if (s == null || !s.answersRules()) {
                throw new ConfigException(where + ": key 'answers_when': '" + v.asText()
                        + "' is not asked-place, asked-price, asked-recommendation or service");
            }
            out.add(s);
        }
        return out;
    }

    /** "always" (default), "post", "reply", "comment", "conversation" (reply or comment), or a list of them. */
    private static Set<DraftKind> applies(JsonNode n, String where) {
        if (n == null) {
            return EnumSet.allOf(DraftKind.class);
        }
        Set<DraftKind> out = EnumSet.noneOf(DraftKind.class);
        for (JsonNode v : n.isArray() ? n : List.of(n)) {
            switch (v.asText()) {
                case "always" -> out.addAll(EnumSet.allOf(DraftKind.class));
                case "conversation" -> out.addAll(EnumSet.of(DraftKind.REPLY, DraftKind.COMMENT));
                default -> {
                    try {
                        out.add(DraftKind.parse(v.asText()));
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(where + ": key 'applies': '" + v.asText()
                                + "' is not always, post, reply, comment or conversation");
                    }
                }
            }
        }
        return out;
    }

    /** One severity for every kind ("warning"), or one per kind ({post: hint, reply: problem, comment: problem}). */
    private static Map<DraftKind, Severity> severities(JsonNode n, Set<DraftKind> applies, String where) {
        Map<DraftKind, Severity> out = new EnumMap<>(DraftKind.class);
        if (n == null || n.isTextual()) {
            Severity s = n == null ? Severity.WARNING : severity(n.asText(), where + ": key 'severity'");
            applies.forEach(k -> out.put(k, s));
            return out;
        }
        if (!n.isObject()) {
            throw new ConfigException(where + ": key 'severity' must be hint, warning, problem or one per kind");
        }
        n.properties().forEach(e -> {
            DraftKind k;
            try {
                k = DraftKind.parse(e.getKey());
            } catch (IllegalArgumentException x) {
                throw new ConfigException(where + ": key 'severity." + e.getKey() + "': not post, reply or comment");
            }
            out.put(k, severity(e.getValue().asText(), where + ": key 'severity." + e.getKey() + "'"));
        });
        for (DraftKind k : applies) {
            if (!out.containsKey(k)) {
                throw new ConfigException(where + ": key 'severity' gives none for " + k.id());
            }
        }
        return out;
    }

    private static Severity severity(String s, String where) {
        try {
            return Severity.parse(s);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": severity must be hint, warning or problem, not '" + s + "'");
        }
    }
}
