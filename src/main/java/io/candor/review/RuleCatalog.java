package io.candor.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the rule catalogue: one file per category, {@code config/rules/<category>.yaml},
 * each a list of rules with settings and examples. A team's {@code review.rules} switches
 * (enabled, severity) are applied here, once.
 */
public final class RuleCatalog {
    static final String LISTS = "lists.yaml";
    static final String HISTORY = "history.yaml";
    private RuleCatalog() {
    }

    public static List<RuleSpec> load(DataFiles files, ReviewSettings settings) {
        List<RuleSpec> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode lists = files.read(LISTS).map(t -> readYaml(files, LISTS, t)).orElse(null);
        for (Category c : Category.values()) {
            String name = c.id() + ".yaml";
            String text = files.read(name).orElse(null);
            if (text == null) {
                continue;
            }
            JsonNode root = readYaml(files, name, text);
            for (JsonNode r : root.path("rules")) {
                resolveLists(r, lists, files.describe(name));
                RuleSpec spec = parse(r, c, files.describe(name), settings);
                if (!ids.add(spec.id())) {
                    throw new ConfigException(files.describe(name) + ": rule " + spec.id() + " is defined twice");
                }
                out.add(spec);
            }
        }
        // history.yaml's rules are switched in the same review.rules (HistoryRules applies them)
        files.read(HISTORY).ifPresent(t -> readYaml(files, HISTORY, t).path("rules").forEach(r -> ids.add(r.path("id").asText())));
        for (String id : settings.rules().keySet()) {
            if (!ids.contains(id)) {
                throw new ConfigException("review.rules names an unknown rule '" + id + "'; known rules: "
                        + String.join(", ", ids.stream().sorted().toList()));
            }
        }
        return out;
    }

    static JsonNode readYaml(DataFiles files, String name, String text) {
        try {
            JsonNode n = CandorConfig.YAML.readTree(text);
            if (n == null || !n.isObject()) {
                throw new ConfigException(files.describe(name) + " must be a YAML mapping");
            }
            return n;
        } catch (IOException e) {
            throw new ConfigException("cannot read " + files.describe(name) + ": " + e.getMessage(), e);
        }
    }

    /** Replaces a setting written as "@name" by the shared list of that name in lists.yaml. */
    static void resolveLists(JsonNode rule, JsonNode lists, String file) {
        if (!(rule instanceof ObjectNode o)) {
            return;
        }
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            JsonNode v = o.get(k);
            if (v.isTextual() && v.asText().startsWith("@")) {
                String list = v.asText().substring(1);
                JsonNode shared = lists == null ? null : lists.get(list);
                if (shared == null || !shared.isArray()) {
                    throw new ConfigException(file + ": " + k + " refers to an unknown shared list '" + list
                            + "' (see " + LISTS + ")");
                }
                o.set(k, shared);
            }
        }
    }

    private static RuleSpec parse(JsonNode r, Category c, String file, ReviewSettings settings) {
        String id = r.path("id").asText("");
        if (!id.startsWith(c.id() + ".")) {
            throw new ConfigException(file + ": rule id '" + id + "' must start with '" + c.id() + ".'");
        }
        String detector = r.path("detector").asText("");
        if (detector.isEmpty()) {
            throw new ConfigException(file + ": rule " + id + " names no detector");
        }
        Severity severity;
        boolean enabled = r.path("enabled").asBoolean(true);
        try {
            severity = Severity.parse(r.path("severity").asText("warning"));
            ReviewSettings.RuleOverride o = settings.rules().get(id);
            if (o != null) {
                if (o.severity() != null) {
                    severity = Severity.parse(o.severity());
                }
                if (o.enabled() != null) {
                    enabled = o.enabled();
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("rule " + id + ": severity must be hint, warning or problem");
        }
        JsonNode ex = r.path("examples");
        return new RuleSpec(id, c, detector, severity, enabled, r, examples(ex.path("trigger")),
                examples(ex.path("pass")), file);
    }

    private static List<RuleSpec.Example> examples(JsonNode list) {
        List<RuleSpec.Example> out = new ArrayList<>();
        for (JsonNode e : list) {
            if (e.isTextual()) {
                out.add(new RuleSpec.Example(e.asText(), List.of(), null));
            } else {
                List<String> platforms = new ArrayList<>();
                e.path("platforms").forEach(p -> platforms.add(p.asText()));
                String reply = e.hasNonNull("reply_to") ? e.get("reply_to").asText() : null;
                out.add(new RuleSpec.Example(e.path("text").asText(), platforms, reply));
            }
        }
        return out;
    }
}
