package io.candor.cli;

import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.discord.DiscordSettings;
import io.candor.history.HistoryRules;
import io.candor.history.HistorySettings;
import io.candor.mention.MentionSettings;
import io.candor.mention.People;
import io.candor.network.Connector;
import io.candor.network.NetworkSettings;
import io.candor.network.bluesky.BlueskyConnector;
import io.candor.network.mastodon.MastodonConnector;
import io.candor.prompts.Prompts;
import io.candor.remind.ReminderSettings;
import io.candor.review.Reviewer;
import io.candor.slack.SlackSettings;
import io.candor.stats.StatsSettings;
import io.candor.store.StorageSettings;
import io.candor.web.ServerSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    /** The sections read straight into a settings record ({@code storage}, {@code stats}, {@code people} have readers of their own). */
    static final Map<String, Class<?>> RECORD_SECTIONS = recordSections();

    private static Map<String, Class<?>> recordSections() {
        Map<String, Class<?>> sections = new LinkedHashMap<>();
        sections.put("review", io.candor.review.ReviewSettings.class);
        sections.put("discord", DiscordSettings.class);
        sections.put("slack", SlackSettings.class);
        sections.put("mentions", MentionSettings.class);
        sections.put("reminders", ReminderSettings.class);
        sections.put("server", ServerSettings.class);
        sections.put("history", HistorySettings.class);
        sections.put("networks", NetworkSettings.class);
        return java.util.Collections.unmodifiableMap(sections);
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
            CandorConfig cfg = CandorConfig.load(file);
            // every section a feature reads, read the way that feature reads it
            Map<String, Class<?>> sections = RECORD_SECTIONS;
            sections.forEach(cfg::section);
            StorageSettings storage = StorageSettings.from(cfg);
            StatsSettings.from(cfg);
            int people = People.from(cfg).all().size();
            for (String s : cfg.sections()) {
                if (!sections.containsKey(s) && !s.equals("storage") && !s.equals("stats") && !s.equals("people")) {
                    throw new ConfigException("candor config check does not know how to read section '" + s + "'");
                }
            }
            Reviewer reviewer = new Reviewer(cfg);
            HistoryRules.load(cfg);
            // each network account the environment names is made as serve makes it (nothing is sent)
            List<Connector> connectors = BotWiring.connectors(cfg, System.getenv(), reviewer.prompts(), java.time.Clock.systemUTC());
            System.out.printf("%s: all well (%d sections, %d people, %d review rules and the history rules, every prompt they use)%n",
                    cfg.where(), cfg.sections().size(), people, reviewer.rules().size());
            System.out.println(database(storage, System.getenv()));
            NetworkSettings ns = cfg.section("networks", NetworkSettings.class);
            Prompts prompts = reviewer.prompts();
            for (String platform : List.of("mastodon", "bluesky")) {
                System.out.println(connectors.stream().filter(c -> c.platform().equals(platform)).findFirst()
                        .map(c -> prompts.render("networks:check.on", Map.of("platform", platform, "where", c.label(),
                                "seconds", ns.pollSeconds(), "kinds", BotWiring.kinds(ns))))
                        .orElseGet(() -> prompts.render("networks:check.off", Map.of("platform", platform,
                                "variables", platform.equals("mastodon")
                                        ? MastodonConnector.URL_VARIABLE + " and " + MastodonConnector.TOKEN_VARIABLE
                                        : BlueskyConnector.HANDLE_VARIABLE + " and " + BlueskyConnector.PASSWORD_VARIABLE))));
            }
            return 0;
        }
    }
}
