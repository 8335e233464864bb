package io.candor;

import io.candor.cli.ChatCommand;
import io.candor.cli.ConfigCommand;
import io.candor.cli.DaemonCommand;
import io.candor.cli.DataOptions;
import io.candor.cli.HistoryCommand;
import io.candor.cli.LeadingOptions;
import io.candor.cli.MentionsCommand;
import io.candor.cli.RemindCommand;
import io.candor.cli.ReviewCommand;
import io.candor.cli.ServeCommand;
import io.candor.cli.StatsCommand;
import io.candor.cli.TrainModelCommand;
import io.candor.cli.UserError;
import io.candor.config.ConfigException;
import io.candor.fault.StorageFailure;
import io.candor.store.Database;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line and composition root. Every surface (terminal, Slack, Discord, the
 * HTTP server) is started from here; the features themselves live in their packages.
 */
@Command(name = "candor", mixinStandardHelpOptions = true, versionProvider = Candor.Version.class,
        description = {"Candor coaches social media drafts: it points, explains and asks; it never posts.", ""},
        footer = {"", "Run 'candor review --help' to start.",
                "Exit codes: 0 ok, 1 findings at --fail-on, 2 bad input, 75 a 'candor daemon'",
                "stopped in the middle of the command (run it again).",
                "Shell completion (bash, zsh): source <(candor generate-completion)",
                "Data folder (the database, unless --db, $CANDOR_DB or storage.url name another): ${sys:" + DataOptions.DATA_FOLDER_PROPERTY + "}"})
public final class Candor {
    /** Exit code for input a user must fix: empty, too long, not text, unknown option. */
    public static final int BAD_INPUT = 2;

    /** As {@link Main}, the jar's entry point. */
    public static void main(String[] args) {
        Main.main(args);
    }

    /** The commands, in the order help lists them. */
    private static final List<String> COMMANDS = List.of("review", "chat", "serve", "remind", "mentions", "stats", "history",
            "train-model", "config", "daemon", "help", "generate-completion");

    /**
     * A new instance of the named command, or null when there is none. Picocli reads a command's
     * annotations when it is added, a tenth of a second for all of them, so a run adds only the
     * one it runs. A switch, not a map of constructor references: linking twelve of those took a
     * fresh process 20 ms before any command ran.
     */
    private static Object command(String name) {
        return switch (name) {
            case "review" -> new ReviewCommand();
            case "chat" -> new ChatCommand();
            case "serve" -> new ServeCommand();
            case "remind" -> new RemindCommand();
            case "mentions" -> new MentionsCommand();
            case "stats" -> new StatsCommand();
            case "history" -> new HistoryCommand();
            case "train-model" -> new TrainModelCommand();
            case "config" -> new ConfigCommand();
            case "daemon" -> new DaemonCommand(args -> run(args.toArray(String[]::new)));
            case "help" -> new CommandLine.HelpCommand();
            case "generate-completion" -> new AutoComplete.GenerateCompletion();
            default -> null;
        };
    }

    /** Every command: what help, completion and a mistyped command see. */
    public static CommandLine commandLine() {
        CommandLine cli = root();
        for (String name : COMMANDS) {
            cli.addSubcommand(command(name));
        }
        return cli;
    }

    /** The command line for these arguments: only the command they name, when they name one that needs no other. */
    static CommandLine commandLine(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return root(); // a version check (scripts, CI) needs no command: a third of its time was building them all
        }
        Object only = args.length == 0 || args[0].equals("help") || args[0].equals("generate-completion")
                ? null : command(args[0]);
        if (only == null) {
            return commandLine();
        }
        CommandLine cli = root();
        cli.addSubcommand(only);
        return cli;
    }

    private static CommandLine root() {
        DataOptions.publishDataFolder(); // before picocli reads the footer that names it
        return new CommandLine(new Candor());
    }

    public static int run(String... args) {
        if (args.length > 0 && !args[0].equals("serve") && !args[0].equals("history")) {
            Database.closeWithoutCompacting(); // a short command: its exit should not wait for H2 to tidy the file
        }
        CommandLine cli = commandLine(args);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof StorageFailure
                    || e instanceof UserError) {
                cmd.getErr().println("candor: " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        String[] reordered = LeadingOptions.afterCommand(cli, args);
        if (reordered == null) {
            cli.getErr().println("candor: " + LeadingOptions.misplaced(args[0]));
            cli.getErr().flush();
            return BAD_INPUT;
        }
        return cli.execute(reordered);
    }

    /** The version the build wrote (pom.xml's version): the jar's manifest, else the filtered resource. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"candor " + number()};
        }

        static String number() {
            String v = Candor.class.getPackage().getImplementationVersion();
            if (v != null) {
                return v;
            }
            try (java.io.InputStream in = Candor.class.getResourceAsStream("version.properties")) {
                java.util.Properties p = new java.util.Properties();
                if (in != null) {
                    p.load(in);
                }
                // unfiltered (run from an IDE without Maven's resources step): say so rather than print ${...}
                String filtered = p.getProperty("version", "");
                return filtered.isBlank() || filtered.startsWith("${") ? "(version unknown: not built by Maven)" : filtered;
            } catch (java.io.IOException e) {
                return "(version unknown: " + e.getMessage() + ")";
            }
        }
    }
}
