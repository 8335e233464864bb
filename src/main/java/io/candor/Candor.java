package io.candor;

import io.candor.cli.ChatCommand;
import io.candor.cli.ConfigCommand;
import io.candor.cli.HistoryCommand;
import io.candor.cli.MentionsCommand;
import io.candor.cli.RemindCommand;
import io.candor.cli.ReviewCommand;
import io.candor.cli.ServeCommand;
import io.candor.cli.StatsCommand;
import io.candor.cli.TrainModelCommand;
import io.candor.cli.UserError;
import io.candor.config.ConfigException;
import io.candor.fault.StorageFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line and composition root. Every surface (terminal, Slack, Discord, the
 * HTTP server) is started from here; the features themselves live in their packages.
 */
@Command(name = "candor", mixinStandardHelpOptions = true, versionProvider = Candor.Version.class,
        description = {"Candor coaches social media drafts: it points, explains and asks; it never posts.", ""},
        subcommands = {ReviewCommand.class, ChatCommand.class, ServeCommand.class, RemindCommand.class,
                MentionsCommand.class, StatsCommand.class, HistoryCommand.class, TrainModelCommand.class, ConfigCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Run 'candor review --help' to start. Exit codes: 0 ok, 1 findings at --fail-on, 2 bad input."})
public final class Candor {
    /** Exit code for input a user must fix: empty, too long, not text, unknown option. */
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Candor());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof StorageFailure
                    || e instanceof UserError) {
                cmd.getErr().println("candor: " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Candor.class.getPackage().getImplementationVersion();
            return new String[] {"candor " + (v == null ? "development build" : v)};
        }
    }
}
