package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.Candor;
import io.candor.slack.SlackStandIn;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor serve} as its own process on an H2 file, with Slack in HTTP mode and a Slack
 * that takes a second and a half to accept the token. Until then /healthz is 200 but /readyz
 * is 503 naming Slack, /slack/events answers 503 (not 404) and the line saying Candor is
 * running is not printed; then all three turn. While it runs, {@code remind --dry-run},
 * {@code history stats} and {@code review} work on the same file from another process (H2's
 * mixed mode) instead of being locked out. On SIGTERM readiness says "shutting down" first.
 */
class ServeProcessTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    private static final String WEBHOOK = "t0ken";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readinessTellsTheTruthAndTheCommandLineWorksBesideTheRunningServer(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String db = dir.resolve("candor").toString();
        Path cfg = Files.createDirectories(dir.resolve("config")).resolve("candor.yaml");
        Files.writeString(cfg, """
                server: {drain_seconds: 1}
                people:
                  - {name: alice, slack: UALICE, zone: Europe/Paris}
                """);
        try (SlackStandIn slack = new SlackStandIn()) {
            slack.delay("auth.test", Duration.ofMillis(1500));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Candor.class.getName(), "serve",
                    "--port", Integer.toString(port), "--db", db, "-c", cfg.toString());
            pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("CANDOR_"));
            pb.environment().put("SLACK_BOT_TOKEN", BOT_TOKEN);
            pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
            pb.environment().put("SLACK_API_URL", slack.apiUrl());
            pb.environment().put("CANDOR_WEBHOOK_TOKEN", WEBHOOK);
            pb.redirectErrorStream(true);
            Process serve = pb.start();
            List<String> printed = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                    r.lines().forEach(printed::add);
                } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            try {
                String base = "http://127.0.0.1:" + port;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                boolean sawStarting = false;
                while (System.nanoTime() < deadline) {
                    HttpResponse<String> ready = get(base + "/readyz");
                    if (ready == null) {
                        Thread.sleep(50); // not listening yet
                        continue;
                    }
                    if (ready.statusCode() == 200) {
                        break;
                    }
                    assertThat(ready.statusCode()).isEqualTo(503);
                    assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
                    if (JSON.readTree(ready.body()).at("/checks/slack").asText().equals("starting")) {
                        int events = post(base + "/slack/events", "{}").statusCode();
                        if (events == 503) {
                            sawStarting = true;
                        } else { // Slack came up between the two requests: then it is Candor's route
                            assertThat(events).isEqualTo(401);
                            assertThat(JSON.readTree(get(base + "/readyz").body()).at("/checks/slack").asText()).isEqualTo("ok");
                        }
                        assertThat(printed).noneMatch(l -> l.startsWith("Candor is running"));
                    }
                    Thread.sleep(100);
                }
                assertThat(sawStarting).as("readiness named Slack as starting and its route answered 503 while auth.test was pending").isTrue();
                assertThat(get(base + "/readyz").statusCode()).isEqualTo(200);
                long printedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (printed.stream().noneMatch(l -> l.startsWith("Candor is running")) && System.nanoTime() < printedBy) {
                    Thread.sleep(20);
                }
                assertThat(printed).anyMatch(l -> l.startsWith("Candor is running. HTTP on http://127.0.0.1:" + port));
                // Slack's route is Candor's now: an unsigned request is refused by the signature check
                assertThat(post(base + "/slack/events", "{}").statusCode()).isEqualTo(401);

                // the command line beside the running server, on the same database file
                assertThat(post(base + "/api/mentions", """
                        {"id":"1799","platform":"x","author":"@sam","text":"Does it work offline?",
                         "received_at":"2026-11-20T10:00:00Z","assignee":"alice"}""").statusCode()).isEqualTo(201);
                CliRun remind = run("remind", "--dry-run", "--at", "2026-11-23T09:30", "--db", db, "-c", cfg.toString());
                assertThat(remind.code()).as(remind.err()).isZero();
                assertThat(remind.out()).contains("DM to alice via slack UALICE (1 mention)");
                CliRun stats = run("history", "stats", "--db", db, "-c", cfg.toString());
                assertThat(stats.code()).as(stats.err()).isZero();
                CliRun review = run("review", "--db", db, "-c", cfg.toString(), "--text",
                        "Our spring collection is live: forty new pieces, all made in Portugal.");
                assertThat(review.code()).as(review.err()).isZero();
                assertThat(review.out() + review.err()).doesNotContain("locked").doesNotContain("unavailable");
                assertThat(post(base + "/api/mentions", """
                        {"id":"1800","platform":"x","author":"@ann","text":"Still open?"}""").statusCode()).isEqualTo(201);

                serve.destroy(); // SIGTERM: readiness turns first, while the server still answers
                String serveCheck = "";
                for (int i = 0; i < 60 && !serveCheck.equals("shutting down"); i++) {
                    HttpResponse<String> stopping = get(base + "/readyz");
                    if (stopping == null) {
                        break;
                    }
                    if (stopping.statusCode() == 503) { // 200 until the signal reaches the process
                        serveCheck = JSON.readTree(stopping.body()).at("/checks/serve").asText();
                    }
                    Thread.sleep(20);
                }
                // (H2 closes its file at exit by itself, so the database check may fail first: still 503)
                assertThat(serveCheck).isEqualTo("shutting down");
                assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                serve.destroyForcibly();
            }
        }
    }


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private HttpResponse<String> get(String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException notListening) {
            return null;
        }
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + WEBHOOK)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
