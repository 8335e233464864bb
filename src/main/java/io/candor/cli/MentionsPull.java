package io.candor.cli;

import io.candor.history.History;
import io.candor.history.HistorySettings;
import io.candor.network.NetworkPoller;
import io.candor.network.NetworkSettings;
import io.candor.network.PollReport;
import io.candor.prompts.Prompts;
import io.candor.remind.ReminderScheduler;
import io.candor.store.Database;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code candor mentions pull --once}: reads each Mastodon and Bluesky account the environment
 * names once, as {@code candor serve} does every {@code networks.poll_seconds} (for cron, and to
 * try the settings), and says per account what came in.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Read the Mastodon and Bluesky accounts the environment names, once: new mentions, replies and",
                "quotes go in (as through the webhook); a mention the account replied to there is closed as answered.",
                "Read-only: nothing is posted. candor serve does the same every networks.poll_seconds.",
                "Environment: CANDOR_MASTODON_URL, CANDOR_MASTODON_TOKEN; CANDOR_BLUESKY_URL, CANDOR_BLUESKY_HANDLE,",
                "CANDOR_BLUESKY_APP_PASSWORD; CANDOR_DB."},
        footer = {"", "Exit codes: 0 every account read (or read by another instance now), 1 an account could not be read"
                + " (refused, rate limited, unreachable), 2 no account configured or bad settings."})
final class MentionsPull implements Callable<Integer> {
    @Option(names = "--once", description = "Read each account once and stop.")
    boolean once;

    @Mixin
    DataOptions where;

    @Override
    public Integer call() {
        QuietLogs.forInteractiveUse();
        // each account's line below says what the poller's log lines would: once is enough
        System.setProperty("org.slf4j.simpleLogger.log.io.candor.network", "error");
        try (BotWiring app = where.app()) {
            if (!once) {
                throw new UserError(app.prompts().render("networks:pull.once-only"));
            }
            return run(app, System.out);
        }
    }

    /** One read of every configured account into the app's database; the exit code. */
    static int run(BotWiring app, PrintStream out) {
        Prompts prompts = app.prompts();
        if (app.connectors().isEmpty()) {
            throw new UserError(prompts.render("networks:pull.none"));
        }
        NetworkSettings ns = app.settings().networks();
        HistorySettings hs = app.settings().history();
        Database database = app.database();
        // only writes: the history's index is not loaded to keep a reply found there
        NetworkPoller.PublishedReplies published = (m, reply, platform, author) -> History.storeAnswer(database, hs,
                platform, reply.text(), author, ns.team(), platform, reply.at());
        boolean failed = false;
        NetworkPoller poller = app.poller(published, "cli:" + ReminderScheduler.instanceName());
        for (PollReport r : poller.pollAll()) {
            out.println(line(prompts, r));
            failed |= r.failed();
        }
        return failed ? 1 : 0;
    }

    private static String line(Prompts prompts, PollReport r) {
        Map<String, Object> v = new HashMap<>();
        v.put("platform", r.platform());
        v.put("account", r.account());
        v.put("created", r.created());
        v.put("known", r.known());
        v.put("answered", r.answered());
        v.put("skipped", r.skipped().total() > 0);
        v.put("count", r.skipped().total());
        v.put("malformed", r.skipped().malformed());
        v.put("deleted", r.skipped().deleted());
        v.put("blocked", r.skipped().blocked());
        v.put("until", r.retryAt() == null ? "" : r.retryAt().toString());
        v.put("reason", r.reason() == null ? "" : r.reason());
        return switch (r.outcome()) {
            case POLLED -> prompts.render("networks:pull.polled", v);
            case ELSEWHERE -> prompts.render("networks:pull.elsewhere", v);
            case RATE_LIMITED -> prompts.render("networks:pull.rate-limited", v);
            case UNAVAILABLE -> prompts.render("networks:pull.unavailable", v);
            case REFUSED -> prompts.render("networks:pull.refused", v);
            case STORE_DOWN -> prompts.render("networks:pull.store-down", v);
        };
    }
}
