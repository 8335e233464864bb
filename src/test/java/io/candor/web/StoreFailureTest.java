package io.candor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.TestTeam;
import io.candor.store.FaultyDisk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up or turns read-only while Candor serves: a loud 503, then recovery by itself. */
class StoreFailureTest {
    private static final String TOKEN = "t0ken";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private TestTeam team;
    private WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private void start() {
        team = TestTeam.onDatabase(TestTeam.PEOPLE, Instant.parse("2026-11-23T10:00:00Z"), FaultyDisk.url(dir.resolve("candor")));
        server = WebServer.start("127.0.0.1", 0, 4);
        server.route(MentionsWebhook.PATH, new MentionsWebhook(Optional.of(TOKEN), team.m.tracker(), team.m.input(),
                team.m.prompts(), team.clock, 1 << 20));
        server.route(HealthCheck.PATH, HealthCheck.liveness());
        server.route(HealthCheck.READY_PATH, HealthCheck.readiness(List.of(new HealthCheck.Check("database", team.db::probe))));
    }

    @AfterEach
    void close() {
        FaultyDisk.heal();
        if (server != null) {
            server.close();
        }
        if (team != null) {
            team.close();
        }
    }

    @Test
    void aFullDiskAnswers503WithAReasonAndCandorRecoversWhenThereIsRoomAgain() throws Exception {
        start();
        assertThat(post(mention("1")).statusCode()).isEqualTo(201);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);

        FaultyDisk.fill();
        HttpResponse<String> full = post(mention("2"));
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(json(full).get("reason").asText()).isEqualTo("the disk is full");
        assertThat(json(full).get("error").asText()).contains("nothing was stored");
        // and again: still an answer, not a dropped connection
        assertThat(post(mention("2")).statusCode()).isEqualTo(503);
        HttpResponse<String> notReady = readyAfterReuse();
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(notReady).get("checks").get("database").asText()).isEqualTo("the disk is full");
        assertThat(get("/healthz").statusCode()).as("liveness: the process itself is fine").isEqualTo(200);

        FaultyDisk.heal();
        assertThat(readyAfterReuse().statusCode()).isEqualTo(200);
        assertThat(post(mention("2")).statusCode()).isEqualTo(201);
        assertThat(team.m.store().count()).isEqualTo(2);
    }

    @Test
    void aReadOnlyFileIsNamedAndRecoveredFromToo() throws Exception {
        start();
        assertThat(post(mention("1")).statusCode()).isEqualTo(201);
        FaultyDisk.makeReadOnly();
        HttpResponse<String> r = post(mention("2"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).get("reason").asText()).contains("read-only");
        FaultyDisk.heal();
        assertThat(readyAfterReuse().statusCode()).isEqualTo(200);
        assertThat(post(mention("2")).statusCode()).isEqualTo(201);
    }

    private static String mention(String id) {
        return "{\"id\": \"" + id + "\", \"platform\": \"x\", \"author\": \"@sam\", \"text\": \"Does it work offline?\"}";
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + MentionsWebhook.PATH))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** /readyz once its last answer (reused for a second) has expired. */
    private HttpResponse<String> readyAfterReuse() throws Exception {
        Thread.sleep(1_100);
        return get("/readyz");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
