package io.candor.slack;

import com.sun.net.httpserver.HttpServer;
import io.candor.chat.CoachBot;
import io.candor.chat.InMemoryFeedbackBook;
import io.candor.chat.RecordingMentionDesk;
import io.candor.review.Draft;
import io.candor.review.DraftReviewer;
import io.candor.review.Review;
import io.candor.review.Reviewer;
import io.candor.web.Routes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Candor's Slack surface running for real on loopback: the Bolt app in HTTP mode mounted on
 * a JDK HttpServer (our own {@link Routes}), its Web API pointed at {@link SlackStandIn},
 * and a client that signs requests exactly as Slack does.
 */
final class SlackRig implements AutoCloseable {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String BOT_TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    static final String MENTIONS = "CMENTIONS";

    final SlackStandIn slack;
    final HttpServer server;
    final RecordingMentionDesk desk = new RecordingMentionDesk();
    final List<Draft> reviewed = new CopyOnWriteArrayList<>();
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    final List<Long> handlerMicros = new CopyOnWriteArrayList<>();
    final Reviewer reviewer = Reviewer.withDefaults();
    final CoachBot bot;
    final SlackSurface surface;
    final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();

    SlackRig() throws Exception {
        this(Map.of());
    }

    SlackRig(Map<String, String> extraEnv) throws Exception {
        this(extraEnv, s -> { });
    }

    /** @param before runs on the stand-in before Candor connects (Socket Mode needs its URL set first) */
    SlackRig(Map<String, String> extraEnv, java.util.function.Consumer<SlackStandIn> before) throws Exception {
        this(extraEnv, before, r -> r, null, null);
    }

    /** @param stats what answers /coach stats (null: not set up) */
    SlackRig(Map<String, String> extraEnv, java.util.function.Consumer<SlackStandIn> before, io.candor.chat.StatsDesk stats)
            throws Exception {
        this(extraEnv, before, r -> r, null, stats);
    }

    /**
     * @param wrap puts something around the rule reviewer (the history reviewer)
     * @param posts where "I posted this" is recorded, or null
     */
    SlackRig(Map<String, String> extraEnv, java.util.function.Consumer<SlackStandIn> before,
             java.util.function.UnaryOperator<DraftReviewer> wrap, io.candor.chat.PostLog posts,
             io.candor.chat.StatsDesk stats) throws Exception {
        this(extraEnv, before, wrap, posts, stats, new io.candor.chat.InMemoryHandledEvents());
    }

    /** @param handled where this instance claims events and signatures (the database, for several instances) */
    SlackRig(Map<String, String> extraEnv, java.util.function.Consumer<SlackStandIn> before,
             java.util.function.UnaryOperator<DraftReviewer> wrap, io.candor.chat.PostLog posts,
             io.candor.chat.StatsDesk stats, io.candor.chat.HandledEvents handled) throws Exception {
        slack = new SlackStandIn();
        before.accept(slack);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        // each Slack request's time inside Candor's handler, for the load benchmark
        Routes routes = (path, handler) -> server.createContext(path, ex -> {
            long start = System.nanoTime();
            handler.handle(ex);
            handlerMicros.add((System.nanoTime() - start) / 1_000);
        });
        DraftReviewer recording = new DraftReviewer() {
            @Override
            public Review review(Draft draft, Collection<String> muted) {
                reviewed.add(draft);
                // the load benchmark can take review CPU out of the picture to see the ack path alone
                return reviewer.review(Boolean.getBoolean("slack.bench.tinyReviews") ? Draft.of("ok") : draft, muted);
            }
        };
        CoachBot.Builder coach = CoachBot.builder(wrap.apply(recording), new InMemoryFeedbackBook(), reviewer.prompts(), 40_000)
                .mentions(desk);
        Optional.ofNullable(posts).ifPresent(coach::posts);
        Optional.ofNullable(stats).ifPresent(coach::stats);
        bot = coach.build();
        Map<String, String> env = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", BOT_TOKEN,
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.apiUrl()));
        env.putAll(extraEnv);
        surface = SlackSurface.create(env, new SlackSettings(MENTIONS, 0), bot, routes, pauses::add, handled)
                .orElseThrow();
        surface.start();
    }

    URI events() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SlackSurface.PATH);
    }

    // ---- what Slack sends -------------------------------------------------------------

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Map<String, String> command(String text, String responseId) {
        return command(slack, text, responseId);
    }

    static Map<String, String> command(SlackStandIn slack, String text, String responseId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-verification-token");
        f.put("team_id", "T1");
        f.put("team_domain", "candor-test");
        f.put("channel_id", "C1");
        f.put("channel_name", "social");
        f.put("user_id", "U1");
        f.put("user_name", "ana");
        f.put("command", "/coach");
        f.put("text", text);
        f.put("api_app_id", "A1");
        f.put("response_url", slack.responseUrl(responseId));
        f.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return f;
    }

    static String interactive(String json) {
        return form(Map.of("payload", json));
    }

    static String event(String eventId, String eventJson) {
        return """
                {"token":"legacy","team_id":"T1","api_app_id":"A1","type":"event_callback",
                 "event_id":"%s","event_time":%d,"event":%s}""".formatted(eventId, Instant.now().getEpochSecond(), eventJson);
    }

    // ---- signed requests ----------------------------------------------------------------

    HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
        long ts = Instant.now().getEpochSecond();
        return post(body, contentType, ts, sign(SECRET, ts, body), Map.of());
    }

    HttpResponse<String> post(String body, String contentType, long ts, String signature, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(events())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String body) throws IOException, InterruptedException {
        return post(body, "application/x-www-form-urlencoded");
    }

    HttpResponse<String> postJson(String body) throws IOException, InterruptedException {
        return post(body, "application/json");
    }

    static String sign(String secret, long ts, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("v0=");
            for (byte x : h) {
                sb.append(String.format("%02x", x));
            }
            return sb.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        surface.close();
        server.stop(0);
        slack.close();
    }
}
