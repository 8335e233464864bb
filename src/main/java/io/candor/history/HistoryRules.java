package io.candor.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.review.ReviewSettings;
import io.candor.review.RuleSpec;
import io.candor.review.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history-based rules from {@code config/rules/history.yaml}: which are on and how
 * severe, plus their examples and the seeded history the examples run against. Kept out
 * of the rule catalogue because these rules need memory, not just the draft.
 */
public record HistoryRules(Map<String, Rule> rules, List<SeedPost> seed) {
    public static final String FILE = "history.yaml";
    public static final String REPEAT = "broadcast.repeat";
    public static final String CROSS_PLATFORM = "broadcast.cross-platform";
    public static final String THANKS_STREAM = "broadcast.thanks-stream";
    public static final String TEMPLATE = "broadcast.template";
    static final List<String> IDS = List.of(REPEAT, CROSS_PLATFORM, THANKS_STREAM, TEMPLATE);

    /** One rule: on or off, its severity, and drafts that must and must not trigger it. */
    public record Rule(String id, boolean enabled, Severity severity, List<Example> trigger, List<Example> pass) {
    }

    /**
     * A draft in an example, with the message it answers when it is a reply, and the words its
     * finding quotes as the example marks them ({@code <marker>…</marker>}; null when unmarked).
     */
    public record Example(String text, List<String> platforms, String author, String source, String replyTo,
                          String mark) {
    }

    /**
     * A text in the seeded history, {@code hoursAgo} before the examples run: published, or
     * ({@code reviewed}) a draft someone reviewed, answering {@code replyTo} when it is a reply.
     */
    public record SeedPost(String text, List<String> platforms, String author, double hoursAgo, boolean reviewed,
                           String replyTo) {
    }

    /** The shipped rules with a team's {@code review.rules} switches (enabled, severity) applied. */
    public static HistoryRules load(CandorConfig config) {
        HistoryRules shipped = load(config.rules());
        ReviewSettings settings = config.section("review", ReviewSettings.class);
        Map<String, Rule> rules = new LinkedHashMap<>(shipped.rules());
        for (Map.Entry<String, ReviewSettings.RuleOverride> o : settings.rules().entrySet()) {
            Rule r = rules.get(o.getKey());
            if (r == null) {
                continue; // a review rule; RuleCatalog names ids that are neither
            }
            Severity sev = r.severity();
            if (o.getValue().severity() != null) {
                try {
                    sev = Severity.parse(o.getValue().severity());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("review.rules." + r.id() + ".severity must be hint, warning or problem, not '"
                            + o.getValue().severity() + "'");
                }
            }
            boolean enabled = o.getValue().enabled() == null ? r.enabled() : o.getValue().enabled();
            rules.put(r.id(), new Rule(r.id(), enabled, sev, r.trigger(), r.pass()));
        }
        return new HistoryRules(Map.copyOf(rules), shipped.seed());
    }

    /** The rules as shipped (or as a team's rules/ folder has them), without the review.rules switches. */
    public static HistoryRules load(DataFiles files) {
        String text = files.read(FILE).orElseThrow(() -> new ConfigException("no rules file " + FILE));
        JsonNode root;
        try {
            root = files.parse(FILE, text);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + files.describe(FILE) + ": " + e.getMessage(), e);
        }
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (JsonNode r : root.path("rules")) {
            String id = r.path("id").asText();
            if (!IDS.contains(id)) {
                throw new ConfigException(files.describe(FILE) + ": unknown history rule '" + id + "'; known: " + IDS);
            }
            Severity sev;
            try {
                sev = Severity.parse(r.path("severity").asText("warning"));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(files.describe(FILE) + ": rule " + id + " has an unknown severity");
            }
            String where = files.describe(FILE) + ": rule " + id;
            JsonNode ex = r.path("examples");
            rules.put(id, new Rule(id, r.path("enabled").asBoolean(true), sev,
                    examples(ex.path("trigger"), where), examples(ex.path("pass"), where)));
        }
        List<SeedPost> seed = new ArrayList<>();
        for (JsonNode s : root.path("seed")) {
            seed.add(new SeedPost(s.path("text").asText(), strings(s.path("platforms")), s.path("author").asText(""),
                    s.path("hours_ago").asDouble(1), s.path("reviewed").asBoolean(false),
                    s.path("reply_to").isTextual() ? s.path("reply_to").asText() : null));
        }
        return new HistoryRules(Map.copyOf(rules), List.copyOf(seed));
    }

    /** The rule when it is switched on. */
    public java.util.Optional<Rule> active(String id) {
        Rule r = rules.get(id);
        return r == null || !r.enabled() ? java.util.Optional.empty() : java.util.Optional.of(r);
    }

    private static List<Example> examples(JsonNode list, String where) {
        List<Example> out = new ArrayList<>();
        for (JsonNode e : list) {
            RuleSpec.Example written;
            try { // the marker, as the catalogue's rule files write it
                String text = e.isTextual() ? e.asText() : e.path("text").asText();
                written = RuleSpec.Example.written(text, List.of(), null, null);
            } catch (IllegalArgumentException x) {
                throw new ConfigException(where + ": " + x.getMessage());
            }
            String mark = written.mark();
            if (e.isTextual()) {
                out.add(new Example(written.text(), List.of(), "", "cli", null, mark));
            } else {
                String replyTo = e.path("reply_to").isTextual() ? e.path("reply_to").asText() : null;
                out.add(new Example(written.text(), strings(e.path("platforms")), e.path("author").asText(""),
                        e.path("source").asText("cli"), replyTo, mark));
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
