package io.candor.stats;

import io.candor.mention.Flag;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.stats.StatsReport.Kind;
import io.candor.stats.StatsReport.Scope;
import io.candor.stats.StatsReport.Week;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A report as text a person reads at a glance: the same words on the terminal, in Slack,
 * Discord and the weekly digest (neutral {@code io.candor.chat.Markup}; each surface renders it). Every sentence
 * comes from {@code prompts/stats.yaml}.
 */
public final class StatsText {
    private final Prompts prompts;

    public StatsText(Prompts prompts) {
        this.prompts = prompts;
    }

    public String render(StatsReport r, Optional<String> platform) {
        List<String> out = new ArrayList<>();
        out.add(say("heading", Map.of("first", r.period().first(), "last", r.period().last(),
                "zone", r.period().zone().getId(), "platform", Flag.of(platform.map(StatsText::platformName).orElse("")))));
        out.add("");
        out.add(say("replies.heading", Map.of("target", num(r.targetHours()))));
        if (r.team().replies().received() == 0) {
            out.add("  " + say("replies.none", Map.of()));
        }
        for (Scope s : r.scopes()) {
            StatsReport.Replies m = s.replies();
            if (m.received() == 0 && s.kind() != Kind.PERSON) {
                continue;
            }
            Map<String, Object> v = new HashMap<>();
            v.put("name", s.name());
            v.put("received", m.received());
            v.put("answered", m.answered());
            v.put("median", m.medianHours() == null ? false : num(m.medianHours()));
            v.put("p90", m.p90Hours() == null ? "" : num(m.p90Hours()));
            v.put("within", m.withinTarget() == null ? false : percent(m.withinTarget()));
            v.put("dismissed", Flag.of(m.dismissed()));
            out.add("  " + say("replies.line", v));
        }
        StatsReport.Replies team = r.team().replies();
        List<String> bands = new ArrayList<>();
        for (int i = 0; i < r.ageBands().size(); i++) {
            bands.add(r.ageBands().get(i) + " " + team.openByAge().get(i));
        }
        out.add(say("open.line", Map.of("open", team.open(), "bands", team.open() == 0 ? false : String.join(", ", bands))));
        if (!r.oldest().isEmpty()) {
            out.add("  " + say("open.oldest", Map.of("list", join(r.oldest(), o -> say("open.item", Map.of(
                    "id", o.id(), "platform", platformName(o.platform()), "owner", Flag.of(o.owner()),
                    "age", num(o.ageHours())))))));
        }
        out.add("");
        out.add(say("drafts.heading", Map.of()));
        if (r.team().drafts().reviewed() == 0) {
            out.add("  " + say("drafts.none", Map.of()));
        }
        double weeks = Math.max(1.0, r.period().days() / 7.0);
        for (Scope s : r.scopes()) {
            StatsReport.Drafts d = s.drafts();
            if (d.reviewed() == 0 && s.kind() != Kind.PERSON) {
                continue;
            }
            Map<String, Object> v = new HashMap<>();
            v.put("name", s.name());
            v.put("reviewed", d.reviewed());
            v.put("per_week", num(d.reviewed() / weeks));
            v.put("ready", d.ready());
            v.put("another", d.anotherLook());
            v.put("rethink", d.rethink());
            v.put("first", d.readyAtFirst() == null ? false : percent(d.readyAtFirst()));
            out.add("  " + say("drafts.line", v));
        }
        out.add("");
        List<Week> w = r.teamWeeks();
        out.add(say("weeks.heading", Map.of("from", w.get(0).start(), "to", w.get(w.size() - 1).start())));
        weekLines(out, false, w);
        if (r.person().isPresent() && !r.personWeeks().isEmpty()) {
            weekLines(out, r.person().get(), r.personWeeks());
        }
        out.add("");
        if (r.findings().isEmpty()) {
            out.add(say("findings.none", Map.of()));
        } else {
            out.add(say("findings.heading", Map.of("list", join(r.findings(), f -> say("findings.item", Map.of(
                    "rule", f.rule(), "reviews", f.reviews(), "feedback", f.helpful() + f.notHelpful() > 0,
                    "helpful", f.helpful(), "not_helpful", f.notHelpful()))))));
        }
        out.add(r.muted().isEmpty() ? say("muted.none", Map.of())
                : say("muted.line", Map.of("list", join(r.muted(), m -> say("muted.item",
                Map.of("rule", m.rule(), "people", m.people()))))));
        return String.join("\n", out);
    }

    /** @param who false for the team, else the person's name */
    private void weekLines(List<String> out, Object who, List<Week> weeks) {
        List<Double> reply = weeks.stream().map(Week::medianReplyHours).toList();
        List<Double> ready = weeks.stream().map(Week::readyAtFirst).toList();
        out.add("  " + say("weeks.reply", Map.of("who", who, "spark", "`" + Sparkline.of(reply) + "`",
                "last", last(reply).map(v -> num(v) + " h").orElse(say("weeks.no-data", Map.of())))));
        out.add("  " + say("weeks.ready", Map.of("who", who, "spark", "`" + Sparkline.of(ready) + "`",
                "last", last(ready).map(StatsText::percent).orElse(say("weeks.no-data", Map.of())))));
    }

    private static Optional<Double> last(List<Double> values) {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) != null) {
                return Optional.of(values.get(i));
            }
        }
        return Optional.empty();
    }

    private static <T> String join(List<T> items, Function<T, String> each) {
        return String.join(", ", items.stream().map(each).toList());
    }

    static String platformName(String key) {
        return Platform.find(key).map(Platform::displayName).orElse(key);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private String say(String key, Map<String, ?> vars) {
        return prompts.render("stats:" + key, vars);
    }
}
