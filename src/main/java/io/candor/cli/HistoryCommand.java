package io.candor.cli;

import io.candor.history.HistoryImport;
import io.candor.history.HistorySettings;
import io.candor.prompts.Prompts;
import io.candor.store.HistoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code candor history import|stats|purge}: the team's post history, from the terminal. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"The team's post history, which reviews compare drafts with to spot copy-paste."},
        subcommands = {HistoryCommand.Import.class, HistoryCommand.Posted.class, HistoryCommand.Stats.class,
                HistoryCommand.Purge.class})
public final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import the team's past posts so reviews can spot copies of them.",
                    "FILE is CSV with a header row or JSONL (one JSON object a line) with the fields",
                    "text, platform, posted_at (ISO-8601) and author. Bad rows are skipped and listed",
                    "with their line numbers; running the same file again adds nothing twice."},
            footer = {"", "Exit codes: 0 all rows taken in, 1 some rows were bad (listed on stderr with line numbers), 2 bad input."})
    static final class Import implements Callable<Integer> {
        @Mixin
        DataOptions where;

        @Parameters(index = "0", paramLabel = "FILE", description = "The posts to import (.csv or .jsonl).")
        Path file;

        @Option(names = "--team", paramLabel = "TEAM", defaultValue = "",
                description = "Workspace the posts belong to (default: the terminal's, empty).")
        String team;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (BotWiring app = where.app()) {
                return run(app);
            }
        }

        private int run(BotWiring app) throws IOException {
            Prompts prompts = app.prompts();
            HistorySettings settings = app.settings().history();
            if (!Files.isRegularFile(file)) {
                throw new UserError(prompts.render("cli:file-missing", Map.of("path", file.toString(), "why", "no such file")));
            }
            HistoryImport.Format format = HistoryImport.formatOf(file);
            if (format == null) {
                throw new UserError(prompts.render("history:import.unknown-format", Map.of("path", file.toString())));
            }
            PrintWriter out = spec.commandLine().getOut();
            try (InputStream in = Files.newInputStream(file)) {
                HistoryImport run = new HistoryImport(new HistoryStore(app.database()), settings, app.clock(), team, 2_000);
                HistoryImport.Result r;
                long size = Files.size(file);
                if (System.console() != null) {
                    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(size)
                            .setUnit(sizeUnit(size), sizeUnitBytes(size)).setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                            .setUpdateIntervalMillis(250).build()) {
                        r = run.run(in, format, bar::stepTo);
                        bar.stepTo(size);
                    }
                } else {
                    r = run.run(in, format, bytes -> { });
                }
                for (HistoryImport.BadRow b : r.bad()) {
                    spec.commandLine().getErr().println(prompts.render("history:import.bad-row",
                            Map.of("path", file.toString(), "line", b.line(), "why", b.why())));
                }
                if (r.badCount() > r.bad().size()) {
                    spec.commandLine().getErr().println(prompts.render("history:import.more-bad",
                            Map.of("more", r.badCount() - r.bad().size())));
                }
                String whyBad = String.join(", ", r.badWhy().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
                out.println(prompts.render("history:import.done", Map.of("added", r.added(), "path", file.toString(),
                        "skipped", r.alreadyThere(), "too_old", r.tooOld(), "bad", r.badCount(),
                        "why_bad", whyBad.isEmpty() ? false : whyBad)));
                out.flush();
                return r.badCount() == 0 ? 0 : 1; // as candor mentions import: the good rows are in, the bad are listed
            } catch (HistoryImport.ImportException e) {
                throw new UserError(prompts.render("history:import.missing-column",
                        Map.of("path", file.toString(), "column", e.getMessage().substring(e.getMessage().indexOf(':') + 1))));
            }
        }
    }

    @Command(name = "posted", mixinStandardHelpOptions = true,
            description = {"Record a post that went out, so later drafts that copy it are noticed.",
                    "Candor posts nothing: this only remembers what you published."},
            footer = {"", "Example:", "  candor history posted --platform linkedin --author lee --team acme \"Big news! ...\""})
    static final class Posted implements Callable<Integer> {
        @Mixin
        DataOptions where;

        @Parameters(index = "0", paramLabel = "TEXT", description = "The text as it was posted, or - to read it from standard input.")
        String text;

        @Option(names = {"-p", "--platform"}, paramLabel = "PLATFORM", split = ",", completionCandidates = Completions.Platforms.class,
                description = "Where it was posted; repeat for several (x, bluesky, threads, mastodon, instagram, linkedin, facebook).")
        java.util.List<String> platforms = new java.util.ArrayList<>();

        @Option(names = "--author", paramLabel = "NAME", description = "Who posted it (default: your login name).")
        String author;

        @Option(names = "--team", paramLabel = "TEAM", defaultValue = "", description = "Whose history it belongs to (default: the terminal's, empty).")
        String team;

        @Option(names = "--at", paramLabel = "TIME", description = "When it was posted, ISO-8601 like 2026-10-16T09:30:00Z (default: now).")
        String at;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (BotWiring app = where.app()) {
                return record(app);
            }
        }

        private int record(BotWiring app) throws IOException {
            Prompts prompts = app.prompts();
            String body = text.equals("-") ? TextInput.decode(System.in.readAllBytes()) : text;
            if (io.candor.text.TextNormalizer.isBlank(body)) {
                throw new UserError(prompts.render("cli:empty"));
            }
            int max = app.settings().review().maxChars();
            if (body.length() > max) {
                throw new UserError(prompts.render("cli:too-long", Map.of("length", body.length(), "max", max)));
            }
            var targets = ReviewCommand.parsePlatforms(platforms, prompts);
            java.time.Instant when;
            try {
                when = at == null ? app.clock().instant() : java.time.OffsetDateTime.parse(at.strip()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new UserError("--at '" + at + "' is not a date and time like 2026-10-16T09:30:00Z");
            }
            String who = author == null ? System.getProperty("user.name", "") : author.strip();
            var draft = new io.candor.review.Draft(body, targets, java.util.Optional.empty(), io.candor.review.Writer.cli(who, team.strip()));
            if (!io.candor.history.History.storePosted(app.database(), app.settings().history(), draft, when)) {
                throw new UserError(prompts.render("history:posted.no-words"));
            }
            spec.commandLine().getOut().println(prompts.render("history:posted.recorded", Map.of("platforms",
                    targets.isEmpty() ? false : String.join(", ", targets.stream().map(io.candor.platform.Platform::displayName).toList()))));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Count what the history holds: reviewed drafts and posts.")
    static final class Stats implements Callable<Integer> {
        @Mixin
        DataOptions where;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (BotWiring app = where.app()) {
                Prompts prompts = app.prompts();
                String location = app.location();
                HistoryStore.Stats s = new HistoryStore(app.database()).stats();
                Map<String, Object> vars = new HashMap<>();
                vars.put("location", location);
                vars.put("posts", s.posts());
                vars.put("reviewed", s.reviewed());
                vars.put("published", s.published());
                vars.put("with_text", s.withText());
                vars.put("oldest", s.oldest() == null ? "-" : s.oldest().toString());
                vars.put("newest", s.newest() == null ? "-" : s.newest().toString());
                vars.put("by_source", s.bySource().isEmpty() ? "-" : String.join(", ",
                        s.bySource().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
                spec.commandLine().getOut().println(prompts.render("history:stats", vars));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Apply retention now: delete texts after history.keep_text_days and posts after keep_signature_days.")
    static final class Purge implements Callable<Integer> {
        @Mixin
        DataOptions where;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (BotWiring app = where.app()) {
                Prompts prompts = app.prompts();
                HistorySettings settings = app.settings().history();
                String location = app.location();
                var now = app.clock().instant();
                HistoryStore.Purged p = new HistoryStore(app.database()).purge(settings.textCutoff(now),
                        settings.signatureCutoff(now));
                spec.commandLine().getOut().println(prompts.render("history:purged", Map.of("location", location,
                        "texts", p.textsDeleted(), "posts", p.postsDeleted(), "text_days", settings.keepTextDays(),
                        "signature_days", settings.keepSignatureDays())));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    /** A unit the file has whole numbers of: "0/1 MB" at 60% said nothing. */
    static String sizeUnit(long bytes) {
        return bytes >= 10L << 20 ? " MB" : bytes >= 10L << 10 ? " KB" : " bytes";
    }

    static long sizeUnitBytes(long bytes) {
        return bytes >= 10L << 20 ? 1L << 20 : bytes >= 10L << 10 ? 1L << 10 : 1L;
    }
}
