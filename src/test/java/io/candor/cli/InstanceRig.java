package io.candor.cli;

import io.candor.chat.FakeSurface;
import io.candor.chat.Surface;
import io.candor.config.CandorConfig;
import io.candor.identity.SurfaceKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real {@link Instance} (what {@code candor serve} runs) in this JVM on a loopback port, with
 * settings from a YAML snippet and a {@link FakeSurface} named slack standing in for Slack.
 */
final class InstanceRig implements AutoCloseable {
    static final String TOKEN = "webhook-t0ken";
    final Instance instance;
    final FakeSurface slack = new FakeSurface(SurfaceKind.SLACK);
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    InstanceRig(String yaml, String db, Clock clock, String name) throws Exception {
        this(yaml, db, clock, name, Map.of(), List.of());
    }

    InstanceRig(String yaml, String db, Clock clock, String name, Map<String, String> extraEnv,
                List<Surface> more) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("CANDOR_WEBHOOK_TOKEN", TOKEN));
        env.putAll(extraEnv);
        List<Surface> surfaces = new ArrayList<>(List.of(slack));
        surfaces.addAll(more);
        instance = Instance.start(Settings.read(config(yaml)), new Instance.Options(db, 0, env, clock, surfaces, name),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    static CandorConfig config(String yaml) {
        try {
            // config/ inside a private folder: its sibling prompts/ must not be someone else's
            Path dir = Files.createDirectories(Files.createTempDirectory("candor-rig").resolve("config"));
            Path file = dir.resolve("candor.yaml");
            Files.writeString(file, yaml);
            return CandorConfig.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with the webhook's bearer token (what {@code GET /api/mentions} needs). */
    HttpResponse<String> getAuthorized(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        instance.close();
    }
}
