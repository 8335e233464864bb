package io.candor.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.candor.stats.StatsReport.Scope;
import io.candor.stats.StatsReport.Week;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report for machines: JSON (one object, stable keys) and CSV (one table, a {@code row}
 * column saying what each line is: team, person, platform, week, finding, muted, open).
 * Hours are business hours; shares are 0..1; an empty value means there was nothing to measure.
 */
public final class StatsFormats {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final List<String> CSV_COLUMNS = List.of("row", "key", "name", "week", "received", "answered", "dismissed",
            "median_reply_hours", "p90_reply_hours", "within_target", "open", "reviewed", "ready", "another_look",
            "rethink", "first_looks", "first_ready", "ready_at_first", "rule", "hits", "helpful", "not_helpful",
            "muted_by", "age_hours", "platform", "owner");

    private StatsFormats() {
    }

    public static String json(StatsReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("from", r.period().first().toString());
        root.put("to", r.period().last().toString());
        root.put("zone", r.period().zone().getId());
        root.put("at", r.at().toString());
        root.put("reply_target_hours", r.targetHours());
        root.put("age_bands", r.ageBands());
        List<Object> scopes = new ArrayList<>();
        for (Scope s : r.scopes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scope", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("key", s.key());
            m.put("name", s.name());
            StatsReport.Replies rp = s.replies();
            Map<String, Object> replies = new LinkedHashMap<>();
            replies.put("received", rp.received());
            replies.put("answered", rp.answered());
            replies.put("dismissed", rp.dismissed());
            replies.put("median_hours", round(rp.medianHours()));
            replies.put("p90_hours", round(rp.p90Hours()));
            replies.put("within_target", round(rp.withinTarget()));
            replies.put("open", rp.open());
            replies.put("open_by_age", rp.openByAge());
            m.put("replies", replies);
            StatsReport.Drafts d = s.drafts();
            Map<String, Object> drafts = new LinkedHashMap<>();
            drafts.put("reviewed", d.reviewed());
            drafts.put("ready", d.ready());
            drafts.put("another_look", d.anotherLook());
            drafts.put("rethink", d.rethink());
            drafts.put("first_looks", d.firstLooks());
            drafts.put("first_ready", d.firstReady());
            drafts.put("ready_at_first", round(d.readyAtFirst()));
            m.put("drafts", drafts);
            scopes.add(m);
        }
        root.put("scopes", scopes);
        root.put("weeks", weeks(r.teamWeeks()));
        r.person().ifPresent(p -> {
            root.put("person", p);
            root.put("person_weeks", weeks(r.personWeeks()));
        });
        List<Object> oldest = new ArrayList<>();
        for (StatsReport.OldOpen o : r.oldest()) {
            oldest.add(fields("id", o.id(), "platform", o.platform(), "owner", o.owner(), "age_hours", round(o.ageHours())));
        }
        root.put("oldest_open", oldest);
        List<Object> findings = new ArrayList<>();
        for (StatsReport.RuleFigure f : r.findings()) {
            findings.add(fields("rule", f.rule(), "reviews", f.reviews(), "helpful", f.helpful(), "not_helpful", f.notHelpful()));
        }
        root.put("findings", findings);
        List<Object> muted = new ArrayList<>();
        for (StatsReport.MutedRule m : r.muted()) {
            muted.add(fields("rule", m.rule(), "people", m.people()));
        }
        root.put("muted", muted);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An object's fields in the order given: Map.of's order changes from one run of the JVM to the next. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    private static List<Object> weeks(List<Week> weeks) {
        List<Object> out = new ArrayList<>();
        for (Week w : weeks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("week", w.start().toString());
            m.put("reviewed", w.reviewed());
            m.put("first_looks", w.firstLooks());
            m.put("first_ready", w.firstReady());
            m.put("ready_at_first", round(w.readyAtFirst()));
            m.put("answered", w.answered());
            m.put("median_reply_hours", round(w.medianReplyHours()));
            out.add(m);
        }
        return out;
    }

    public static String csv(StatsReport r) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Scope s : r.scopes()) {
            StatsReport.Replies rp = s.replies();
            StatsReport.Drafts d = s.drafts();
            row(sb, Map.ofEntries(Map.entry("row", s.kind().name().toLowerCase(java.util.Locale.ROOT)),
                    Map.entry("key", s.key()), Map.entry("name", s.name()), Map.entry("received", rp.received()),
                    Map.entry("answered", rp.answered()), Map.entry("dismissed", rp.dismissed()),
                    Map.entry("median_reply_hours", cell(rp.medianHours())), Map.entry("p90_reply_hours", cell(rp.p90Hours())),
                    Map.entry("within_target", cell(rp.withinTarget())), Map.entry("open", rp.open()),
                    Map.entry("reviewed", d.reviewed()), Map.entry("ready", d.ready()),
                    Map.entry("another_look", d.anotherLook()), Map.entry("rethink", d.rethink()),
                    Map.entry("first_looks", d.firstLooks()), Map.entry("first_ready", d.firstReady()),
                    Map.entry("ready_at_first", cell(d.readyAtFirst()))));
        }
        for (Week w : r.teamWeeks()) {
            row(sb, Map.of("row", "week", "key", "team", "week", w.start(), "answered", w.answered(),
                    "median_reply_hours", cell(w.medianReplyHours()), "reviewed", w.reviewed(),
                    "first_looks", w.firstLooks(), "first_ready", w.firstReady(), "ready_at_first", cell(w.readyAtFirst())));
        }
        for (StatsReport.OldOpen o : r.oldest()) {
            row(sb, Map.of("row", "open", "key", o.id(), "age_hours", cell(o.ageHours()), "platform", o.platform(),
                    "owner", o.owner()));
        }
        for (StatsReport.RuleFigure f : r.findings()) {
            row(sb, Map.of("row", "finding", "rule", f.rule(), "hits", f.reviews(), "helpful", f.helpful(),
                    "not_helpful", f.notHelpful()));
        }
        for (StatsReport.MutedRule m : r.muted()) {
            row(sb, Map.of("row", "muted", "rule", m.rule(), "muted_by", m.people()));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, Map<String, Object> values) {
        List<String> cells = new ArrayList<>(CSV_COLUMNS.size());
        for (String c : CSV_COLUMNS) {
            Object v = values.get(c);
            cells.add(quote(v == null ? "" : v.toString()));
        }
        sb.append(String.join(",", cells)).append("\r\n");
    }

    /** RFC 4180, and a cell a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String quote(String s) {
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String cell(Double v) {
        return v == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }
}
