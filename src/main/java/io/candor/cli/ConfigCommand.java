package io.candor.cli;

import io.candor.config.CandorConfig;
import io.candor.history.HistoryRules;
import io.candor.network.Connector;
import io.candor.network.NetworkSettings;
import io.candor.network.bluesky.BlueskyConnector;
import io.candor.network.mastodon.MastodonConnector;
import io.candor.prompts.Prompts;
import io.candor.review.Reviewer;
import io.candor.store.StorageSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code candor config check [FILE]}: reads a settings file, its rules and prompts exactly as
 * start-up does, without starting anything, and says what is wrong in one line (the file,
 * the section or rule, the key) or that all is well.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check a settings file and its rules and prompts without starting anything.",
        subcommands = {ConfigCommand.Check.class})
public final class ConfigCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("say what to do: candor config check [FILE]");
    }

    /** The database these settings open here, where that came from, and the data folder. */
    static String database(StorageSettings storage, Map<String, String> env) {
        String location = storage.location(null, env);
        String shown = location.startsWith("jdbc:") ? io.candor.store.Database.redact(location)
                : location.endsWith(".mv.db") ? location : location + ".mv.db";
        return "database: " + shown + " (from " + storage.source(null, env) + "); data folder: "
                + StorageSettings.dataFolder(env) + " (" + StorageSettings.FOLDER_RULE + ")";
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Read FILE (default: $CANDOR_CONFIG, else config/candor.yaml, else the built-in defaults),",
                    "every section strictly, every rule and prompt, and the Mastodon and Bluesky variables (says whether",
                    "each is configured; nothing is sent); exit 0 when all is well, 2 with the first mistake."})
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The settings file to check.")
        Path file;

        @Override
        public Integer call() {
            // every section a feature reads, read the way that feature reads it (as every command does at start)
            Settings settings = Settings.read(CandorConfig.load(file));
            CandorConfig cfg = settings.file();
            try (BotWiring app = BotWiring.of(settings, null, System.getenv(), java.time.Clock.systemUTC())) {
                Reviewer reviewer = app.rules();
                HistoryRules.load(cfg);
                // each network account the environment names is made as serve makes it (nothing is sent)
                List<Connector> connectors = app.connectors();
                System.out.printf("%s: all well (%d sections, %d people, %d review rules and the history rules, every prompt they use)%n",
                        cfg.where(), cfg.sections().size(), settings.people().size(), reviewer.rules().size());
                print(settings, reviewer.prompts(), connectors);
            }
            return 0;
        }

        private static void print(Settings settings, Prompts prompts, List<Connector> connectors) {
            StorageSettings storage = settings.storage();
            System.out.println(database(storage, System.getenv()));
            NetworkSettings ns = settings.networks();
            for (String platform : List.of("mastodon", "bluesky")) {
                System.out.println(connectors.stream().filter(c -> c.platform().equals(platform)).findFirst()
                        .map(c -> prompts.render("networks:check.on", Map.of("platform", platform, "where", c.label(),
                                "seconds", ns.pollSeconds(), "kinds", BotWiring.kinds(ns))))
                        .orElseGet(() -> prompts.render("networks:check.off", Map.of("platform", platform,
                                "variables", platform.equals("mastodon")
                                        ? MastodonConnector.URL_VARIABLE + " and " + MastodonConnector.TOKEN_VARIABLE
                                        : BlueskyConnector.HANDLE_VARIABLE + " and " + BlueskyConnector.PASSWORD_VARIABLE))));
            }
        }
    }
}
