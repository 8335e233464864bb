package io.candor.cli;

import io.candor.prompts.Prompts;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code candor serve}: the long-running bot ({@link Instance} puts it together). Says it is
 * running only once it is ready; on SIGTERM readiness turns to 503 first, then it stops.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the bot: HTTP server, Slack, Discord, the Mastodon and Bluesky readers and the daily reminders.",
                "The HTTP server answers GET /healthz, GET /readyz, GET and POST /api/mentions (and Slack's /slack/events);",
                "Slack, Discord, Mastodon and Bluesky start when their variables are set (Mastodon and Bluesky: read-only).",
                "Environment: CANDOR_PORT, CANDOR_DB (a file or jdbc:postgresql://…), CANDOR_DB_USER, CANDOR_DB_PASSWORD,",
                "CANDOR_WEBHOOK_TOKEN, SLACK_*, DISCORD_TOKEN, CANDOR_MASTODON_URL, CANDOR_MASTODON_TOKEN,",
                "CANDOR_BLUESKY_URL, CANDOR_BLUESKY_HANDLE, CANDOR_BLUESKY_APP_PASSWORD."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataOptions where;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: $CANDOR_PORT, else server.port, 3000).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Instance instance = Instance.start(where.settings(), Instance.Options.of(where.db, port, System.getenv()), out);
        CountDownLatch stop = new CountDownLatch(1);
        Prompts prompts = instance.prompts();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println(prompts.render("mentions:serve.stopping"));
            instance.close();
            stop.countDown();
        }, "candor-shutdown"));
        // the line that says Candor is running comes only once /readyz would answer 200
        int limit = instance.serverSettings().readyTimeoutSeconds();
        if (!instance.awaitReady(Duration.ofSeconds(limit))) {
            out.println(prompts.render("mentions:serve.not-ready", Map.of("seconds", limit,
                    "reasons", reasons(instance.notReady()))));
            while (!instance.awaitReady(Duration.ofSeconds(5))) {
                if (stop.getCount() == 0) {
                    return 0;
                }
            }
        }
        out.println(instance.runningLine());
        stop.await();
        return 0;
    }

    private static String reasons(Map<String, String> failing) {
        StringBuilder sb = new StringBuilder();
        failing.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
        return sb.toString();
    }
}
