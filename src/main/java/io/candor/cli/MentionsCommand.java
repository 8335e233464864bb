package io.candor.cli;

import io.candor.mention.MentionsModule;
import io.candor.prompts.Prompts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code candor mentions list|import|pull|close|assign|snooze|dismiss|reopen|recount}: the mentions the team has to answer, outside chat. */
@Command(name = "mentions", mixinStandardHelpOptions = true,
        description = "Work with the mentions the team has to answer.",
        subcommands = {MentionsList.class, MentionsCommand.Import.class, MentionsPull.class, MentionsChange.Close.class,
                MentionsChange.Assign.class, MentionsChange.Snooze.class, MentionsChange.Dismiss.class, MentionsChange.Reopen.class,
                MentionsCommand.Recount.class})
public final class MentionsCommand {

    @Command(name = "recount", mixinStandardHelpOptions = true,
            description = {"Count each person's waiting mentions again from the mentions themselves.",
                    "Candor keeps these counts as mentions come and go, for the reminders and App Home. Recount after "
                            + "an older Candor, from before these counts, wrote to the same database, or after the "
                            + "mentions table was edited by hand."},
            footer = {"", "Exit codes: 0 counted, 2 bad input or the database cannot be used."})
    static final class Recount implements Callable<Integer> {
        @Mixin
        DataOptions where;

        @Override
        public Integer call() {
            QuietLogs.forInteractiveUse();
            try (BotWiring app = where.app()) {
                var r = app.mentions().store().recountWaiting();
                System.out.println(app.prompts().render("mentions:recount.done", Map.of("waiting", r.waiting(),
                        "owners", r.owners(), "changed", r.mended())));
                return 0;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Take in mentions from a CSV file (header: id,platform,author,text,url,received_at,assignee)",
                    "or a JSONL file (one {\"id\", \"platform\", \"author\", \"text\", …} a line).",
                    "Mentions already known (same platform and id) are left as they are."},
            footer = {"", "Exit codes: 0 all rows taken in, 1 some rows were bad (listed on stderr with line numbers), 2 bad input."})
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "A .csv or .jsonl file.")
        Path file;

        @Mixin
        DataOptions where;

        @Override
        public Integer call() throws IOException {
            QuietLogs.forInteractiveUse();
            try (BotWiring app = where.app()) {
                return run(app);
            }
        }

        private int run(BotWiring app) throws IOException {
            Prompts prompts = app.prompts();
            MentionImport.Format format = MentionImport.formatOf(file.toString());
            if (format == null) {
                throw new UserError(prompts.render("mentions:import.unknown-format", Map.of("file", file)));
            }
            if (!Files.isRegularFile(file)) {
                throw new UserError(prompts.render("cli:file-missing", Map.of("path", file, "why", "no such file")));
            }
            long lines;
            try (Stream<String> s = Files.lines(file, StandardCharsets.UTF_8)) {
                lines = s.count();
            } catch (java.io.UncheckedIOException e) {
                throw new UserError(prompts.render("cli:not-utf8", Map.of("where", file)));
            }
            MentionImport.Result r;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                MentionsModule m = app.mentions();
                MentionImport run = new MentionImport(m.tracker(), m.input(), prompts, app.clock());
                if (System.console() != null) {
                    // a progress bar only on a terminal: in a pipe or a log it is noise
                    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(lines)
                            .setStyle(ProgressBarStyle.ASCII).setUnit(" lines", 1).setUpdateIntervalMillis(200)
                            .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                        r = run.run(in, format, file.toString(), bar::stepTo);
                        bar.stepTo(lines);
                    }
                } else {
                    r = run.run(in, format, file.toString(), done -> { });
                }
            } catch (java.nio.charset.MalformedInputException e) {
                throw new UserError(prompts.render("cli:not-utf8", Map.of("where", file)));
            }
            // bad rows on stderr, the summary on stdout: as candor history import
            PrintStream err = System.err;
            r.bad().stream().limit(20).forEach(b -> err.println(prompts.render("mentions:import.bad-row",
                    Map.of("file", file, "line", b.line(), "why", b.why()))));
            if (r.bad().size() > 20) {
                err.println(prompts.render("mentions:import.more-bad", Map.of("more", r.bad().size() - 20)));
            }
            System.out.println(prompts.render("mentions:import.done", Map.of("created", r.created(), "known", r.known(),
                    "bad", r.bad().size(), "total", r.total(), "file", file)));
            return r.bad().isEmpty() ? 0 : 1;
        }
    }
}
