package io.candor.cli;

import io.candor.chat.Markup;
import io.candor.identity.PersonRef;
import io.candor.mention.People;
import io.candor.mention.Person;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.stats.Period;
import io.candor.stats.StatsChart;
import io.candor.stats.StatsFormats;
import io.candor.stats.StatsModule;
import io.candor.stats.StatsQuery;
import io.candor.stats.StatsReport;
import io.candor.stats.TeamStats;
import io.candor.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code candor stats}: the team's reply times, backlog and drafts, from the database, as text, JSON or CSV, and a chart. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"The team's figures: time to first reply to mentions (business hours, median and 90th percentile,",
                "share within stats.reply_target_hours), open mentions by age, drafts reviewed and ready at first",
                "review week by week, the findings that come back most and the rules people muted.",
                "Counts only what Candor stored; no draft or mention text is shown."},
        footer = {"", "Examples:", "  candor stats", "  candor stats --since 8w --chart stats.png",
                "  candor stats --since 2026-11-01 --until 2026-11-30 --person alice --platform linkedin --format csv"})
public final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "30d|DATE", description = "First day: a length back from today (30d, 8w) or a date (default: stats.since_days).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Last day, included (default: today).")
    String until;

    @Option(names = "--person", paramLabel = "NAME", description = "Show this person's row and findings next to the team's (a name from people: or a chat key).")
    String person;

    @Option(names = "--platform", paramLabel = "P", completionCandidates = Completions.Platforms.class, description = "Count only this network (x, linkedin, bluesky, …).")
    String platform;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Completions.TableFormats.class, description = "text (default), json or csv.")
    String format = "text";

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Also write the weekly chart (reply time and drafts ready at first review) as a PNG.")
    Path chart;

    @Mixin
    DataOptions where;

    @Override
    public Integer call() throws IOException {
        QuietLogs.forInteractiveUse();
        Database.preload();
        try (BotWiring app = where.app()) {
            return stats(app);
        }
    }

    private int stats(BotWiring app) throws IOException {
        Prompts prompts = app.prompts();
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "csv").contains(fmt)) {
            throw error(prompts, "bad-format", Map.of("value", format));
        }
        if (chart != null) {
            checkWritable(chart, prompts);
        }
        if (app.databaseMissing()) {
            throw error(prompts, "no-database", Map.of("where", app.location()));
        }
        People people = app.people();
        Clock clock = app.clock();
        StatsModule m = app.stats();
        Period period;
        try {
            period = Period.parse(since, until, clock.instant(), m.stats().zone(), m.settings().sinceDays());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        // whoever and whatever the stats list can be asked for: people: and known networks, and
        // also a command-line author ("root") or a platform a listening tool sent ("hackernews")
        java.util.function.Supplier<StatsReport> everything = memo(() -> m.stats().build(
                new StatsQuery(Period.parse(null, null, clock.instant(), m.stats().zone(), 3650), Optional.empty(), Optional.empty(), true)));
        Optional<String> platformKey = Optional.empty();
        if (platform != null) {
            platformKey = TeamStats.platform(platform).or(() -> listed(everything.get(), StatsReport.Kind.PLATFORM, platform));
            if (platformKey.isEmpty()) {
                throw error(prompts, "unknown-platform", Map.of("value", platform,
                        "known", known(Platform.known(), everything.get(), StatsReport.Kind.PLATFORM)));
            }
        }
        Optional<PersonRef> who = Optional.empty();
        if (person != null) {
            who = people.assigneeFor(person)
                    .or(() -> listed(everything.get(), StatsReport.Kind.PERSON, person).map(PersonRef::parse));
            if (who.isEmpty()) {
                String names = String.join(", ", people.all().stream().map(Person::name).toList());
                throw error(prompts, "unknown-person", Map.of("value", person,
                        "known", known(names.isEmpty() ? "nobody in people:" : names, everything.get(), StatsReport.Kind.PERSON)));
            }
        }
        StatsReport report = m.stats().build(new StatsQuery(period, who, platformKey, true));
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (fmt) {
            case "json" -> StatsFormats.json(report) + "\n";
            case "csv" -> StatsFormats.csv(report);
            // the chat's **bold** and `code` marks mean nothing in a pipe or a file
            default -> Markup.render(m.text().render(report, platformKey), Markup.WORDS) + "\n";
        });
        if (chart != null) {
            write(chart, m.chart().png(report), prompts);
            if (fmt.equals("text")) {
                out.println(prompts.render("stats:cli.chart-written", Map.of("path", chart,
                        "width", StatsChart.WIDTH, "height", StatsChart.HEIGHT)));
            }
        }
        out.flush();
        return 0;
    }

    /** The key of the row of that kind the stats show under this name (any case), if they show one. */
    private static Optional<String> listed(StatsReport all, StatsReport.Kind kind, String typed) {
        String t = typed.strip().replaceFirst("^@", "");
        return all.scopes().stream().filter(s -> s.kind() == kind)
                .filter(s -> s.key().equalsIgnoreCase(t) || s.name().equalsIgnoreCase(t)).map(StatsReport.Scope::key).findFirst();
    }

    /** What an error lists as known: the configured names and, after them, the others the stats show. */
    private static String known(String configured, StatsReport all, StatsReport.Kind kind) {
        List<String> more = all.scopes().stream().filter(s -> s.kind() == kind).map(StatsReport.Scope::name)
                .filter(n -> !configured.contains(n)).toList();
        return more.isEmpty() ? configured : configured + "; in these stats also " + String.join(", ", more);
    }

    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> s) {
        Object[] held = new Object[1];
        return () -> {
            if (held[0] == null) {
                held[0] = s.get();
            }
            @SuppressWarnings("unchecked") T t = (T) held[0];
            return t;
        };
    }

    /** Fails before any work when the chart could not be written: a folder, a missing folder, a read-only place. */
    private static void checkWritable(Path file, Prompts prompts) {
        Path dir = file.toAbsolutePath().getParent();
        String why = null;
        if (Files.isDirectory(file)) {
            why = "it is a folder";
        } else if (dir == null || !Files.isDirectory(dir)) {
            why = "the folder " + dir + " does not exist";
        } else if (!Files.isWritable(dir) || Files.exists(file) && !Files.isWritable(file)) {
            why = "permission denied";
        }
        if (why != null) {
            throw error(prompts, "chart-unwritable", Map.of("path", file, "why", why));
        }
    }

    /** Written beside the target and moved into place, so a failed write leaves no half a picture. */
    private static void write(Path file, byte[] png, Prompts prompts) {
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            tmp = Files.createTempFile(dir, ".candor-chart", ".png");
            Files.write(tmp, png);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // nothing more to clean
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw error(prompts, "chart-unwritable", Map.of("path", file, "why", why));
        }
    }

    private static UserError error(Prompts prompts, String key, Map<String, ?> vars) {
        return new UserError(prompts.render("stats:cli." + key, vars));
    }
}
