package io.candor.network;

import io.candor.TestTeam;
import io.candor.store.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Mentions taken in per second from a stand-in serving 10,000 notifications (and 500 of the
 * team's own posts, 200 of them replies that close a mention), the whole first read of an
 * account: every page fetched over loopback HTTP, parsed, each mention turned into text,
 * assigned, stored with its "received" event, the cursor saved, then the own posts walked.
 * In-process (the poller as {@code candor serve} builds it) on an H2 file and on PostgreSQL,
 * three fresh databases each; then whole-process: {@code java -jar target/candor.jar mentions
 * pull --once} timed from start to exit, JVM start included. Run after
 * {@code mvn -B -o -q -DskipTests package}:
 * {@code mvn -B -o -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.candor.network.NetworkPullBenchmark}
 */
public final class NetworkPullBenchmark {
    private static final int NOTIFICATIONS = 10_000;
    private static final int REPLIES = 200;
    private static final String YAML = "people:\n  - {name: alice, slack: UA}\n  - {name: bob, slack: UB}\n"
            + "mentions:\n  owners:\n    - {platform: mastodon, group: [alice, bob]}\n    - {platform: bluesky, group: [alice, bob]}\n";

    public static void main(String[] args) throws Exception {
        Instant now = Instant.now();
        System.out.printf("%d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), load());
        try (MastodonStandIn mastodon = new MastodonStandIn(); BlueskyStandIn bluesky = new BlueskyStandIn()) {
            List<String> mastodonIds = new ArrayList<>();
            List<String> blueskyUris = new ArrayList<>();
            for (int i = 0; i < NOTIFICATIONS; i++) {
                Instant at = now.minus(Duration.ofDays(6)).plusSeconds(50L * i);
                mastodonIds.add(mastodon.mention("fan" + (i % 3000) + "@example.social", "<p><span class=\"h-card\"><a href="
                        + "\"https://127.0.0.1/@team\" class=\"u-url mention\">@<span>team</span></a></span> does the app work"
                        + " offline on trains? Question number " + i + " <a href=\"https://example.com/q/" + i + "\">"
                        + "example.com/q/" + i + "</a></p>", at));
                blueskyUris.add(bluesky.mention("fan" + (i % 3000) + ".bsky.social", "@team.bsky.social does the app work"
                        + " offline on trains? Question number " + i, at));
            }
            for (int i = 0; i < 500; i++) {
                Instant at = now.minus(Duration.ofDays(1)).plusSeconds(60L * i);
                String m = i < REPLIES ? mastodonIds.get(i * 37) : null;
                String b = i < REPLIES ? blueskyUris.get(i * 37) : null;
                mastodon.teamPost("<p>Yes, offline mode came with 2.3: Settings, then Offline. Thanks for asking " + i + "</p>", at, m);
                bluesky.teamPost("Yes, offline mode came with 2.3: Settings, then Offline. Thanks for asking " + i, at, b, false);
            }
            Map<String, String> mastodonEnv = Map.of("CANDOR_MASTODON_URL", mastodon.url(), "CANDOR_MASTODON_TOKEN",
                    MastodonStandIn.TOKEN);
            Map<String, String> blueskyEnv = Map.of("CANDOR_BLUESKY_URL", bluesky.url(), "CANDOR_BLUESKY_HANDLE",
                    BlueskyStandIn.HANDLE, "CANDOR_BLUESKY_APP_PASSWORD", BlueskyStandIn.APP_PASSWORD);

            for (String backend : List.of("h2-file", "postgresql")) {
                for (int run = 1; run <= 3; run++) {
                    inProcess("mastodon", mastodonEnv, backend, now, run);
                    inProcess("bluesky", blueskyEnv, backend, now, run);
                }
            }
            Path jar = Path.of("target", "candor.jar");
            if (Files.isRegularFile(jar)) {
                for (int run = 1; run <= 2; run++) {
                    wholeProcess(jar, mastodonEnv, "mastodon", run);
                    wholeProcess(jar, blueskyEnv, "bluesky", run);
                }
            } else {
                System.out.println("target/candor.jar is missing: build it for the whole-process figures");
            }
        }
    }

    private static void inProcess(String platform, Map<String, String> env, String backend, Instant now, int run)
            throws Exception {
        String url = backend.equals("h2-file")
                ? Files.createTempDirectory("candor-pull-bench").resolve("candor").toString()
                : PostgresServer.shared().freshDatabase();
        try (NetworkRig rig = new NetworkRig(TestTeam.onDatabase(YAML, now, url, env))) {
            long t0 = System.nanoTime();
            PollReport r = rig.pollOnce();
            double s = (System.nanoTime() - t0) / 1e9;
            if (r.outcome() != PollReport.Outcome.POLLED || r.created() != NOTIFICATIONS || r.answered() != REPLIES) {
                throw new IllegalStateException("unexpected poll: " + r);
            }
            System.out.printf("in-process  %-8s %-10s run %d: %,d mentions in %.2f s = %,.0f mentions/s (%d answered there)%n",
                    platform, backend, run, r.created(), s, r.created() / s, r.answered());
        }
    }

    private static void wholeProcess(Path jar, Map<String, String> env, String platform, int run) throws Exception {
        Path dir = Files.createTempDirectory("candor-pull-bench");
        Path cfg = Files.createDirectories(dir.resolve("config")).resolve("candor.yaml");
        Files.writeString(cfg, YAML);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "mentions", "pull", "--once", "--db", dir.resolve("candor").toString(), "-c", cfg.toString())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CANDOR_"));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("candor mentions pull failed: " + out);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("process     %-8s %-10s run %d: %,d mentions in %.2f s = %,.0f mentions/s, JVM start included (%s)%n",
                platform, "h2-file", run, NOTIFICATIONS, s, NOTIFICATIONS / s, out);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
