package io.candor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.TestTeam;
import io.candor.mention.model.MentionState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MentionsWebhookTest {
    private static final String TOKEN = "s3cret-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestTeam team = TestTeam.create(TestTeam.PEOPLE, Instant.parse("2026-11-23T10:00:00Z"));
    private final WebServer server = WebServer.start("127.0.0.1", 0, 4);
    private final HttpClient http = HttpClient.newHttpClient();

    {
        server.route(MentionsWebhook.PATH, new MentionsWebhook(Optional.of(TOKEN), team.m.tracker(), team.m.input(),
                team.m.prompts(), team.clock, 1 << 20));
        server.route(HealthCheck.PATH, HealthCheck.liveness());
        server.route(HealthCheck.READY_PATH, HealthCheck.readiness(
                java.util.List.of(new HealthCheck.Check("database", team.db::probe))));
    }

    @AfterEach
    void close() {
        server.close();
        team.close();
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void newThenKnownThenAList() throws Exception {
        String one = """
                {"id": "1799", "platform": "x", "author": "@sam", "text": "Does it work offline?",
                 "url": "https://x.com/sam/status/1799", "received_at": "2026-11-23T08:00:00Z", "assignee": "@bob"}""";
        HttpResponse<String> r = post("/api/mentions", one, TOKEN);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r).get("status").asText()).isEqualTo("created");
        assertThat(json(r).get("assignee").asText()).isEqualTo("bob");
        long id = json(r).get("id").asLong();
        // committed before the answer: visible at once through another connection
        assertThat(team.m.store().find(id)).get().extracting(m -> m.receivedAt())
                .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));

        assertThat(post("/api/mentions", one, TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> list = post("/api/mentions", "[" + one + ", {\"id\": 7, \"platform\": \"Bluesky\","
                + " \"author\": \"ann\", \"text\": \"love it\"}]", TOKEN);
        assertThat(list.statusCode()).isEqualTo(201);
        assertThat(json(list).get("created").asInt()).isEqualTo(1);
        assertThat(json(list).get("known").asInt()).isEqualTo(1);
        assertThat(team.m.store().count()).isEqualTo(2);
    }

    @Test
    void eachKindOfBadInputIsNamedAndNothingIsWritten() throws Exception {
        assertThat(post("/api/mentions", "{\"id\": 1", TOKEN).statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = post("/api/mentions",
                "{\"id\": 1, \"platform\": \"x\", \"author\": \"a\", \"text\": \"t\", \"txet\": \"oops\"}", TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("field").asText()).isEqualTo("txet");
        assertThat(json(unknown).get("error").asText()).contains("unknown field \"txet\"");

        HttpResponse<String> noText = post("/api/mentions", "{\"id\": 1, \"platform\": \"x\", \"author\": \"a\"}", TOKEN);
        assertThat(json(noText).get("error").asText()).isEqualTo("\"text\" is missing");

        HttpResponse<String> badTime = post("/api/mentions", "{\"id\": 1, \"platform\": \"x\", \"author\": \"a\","
                + " \"text\": \"t\", \"received_at\": \"yesterday\"}", TOKEN);
        assertThat(json(badTime).get("field").asText()).isEqualTo("received_at");

        HttpResponse<String> nobody = post("/api/mentions", "{\"id\": 1, \"platform\": \"x\", \"author\": \"a\","
                + " \"text\": \"t\", \"assignee\": \"dave\"}", TOKEN);
        assertThat(json(nobody).get("error").asText()).contains("'dave' is not a known person");

        // the second item is bad: the first is not stored either
        HttpResponse<String> half = post("/api/mentions", "[{\"id\": 1, \"platform\": \"x\", \"author\": \"a\","
                + " \"text\": \"fine\"}, {\"id\": 2, \"platform\": \"x\", \"author\": \"a\"}]", TOKEN);
        assertThat(half.statusCode()).isEqualTo(400);
        assertThat(json(half).get("error").asText()).isEqualTo("item [1] of the list (counting from 0): \"text\" is missing");
        assertThat(post("/api/mentions", "[]", TOKEN).statusCode()).isEqualTo(400);
        assertThat(team.m.store().count()).isZero();
    }

    @Test
    void aTenMegabyteBodyIsRefused() throws Exception {
        String big = "{\"id\": 1, \"platform\": \"x\", \"author\": \"a\", \"text\": \"" + "a".repeat(10 << 20) + "\"}";
        HttpResponse<String> r = post("/api/mentions", big, TOKEN);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(team.m.store().count()).isZero();
    }

    @Test
    void withoutTheRightTokenNothingHappens() throws Exception {
        String one = "{\"id\": 1, \"platform\": \"x\", \"author\": \"a\", \"text\": \"t\"}";
        assertThat(post("/api/mentions", one, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/mentions", one, "s3cret-tokeN").statusCode()).isEqualTo(401);
        assertThat(post("/api/mentions", one, TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(post("/api/mentions/1/answered", "", "wrong").statusCode()).isEqualTo(401);
        assertThat(team.m.store().count()).isZero();
    }

    @Test
    void theWebhookIsOffWithoutAToken() throws Exception {
        server.route("/off", new MentionsWebhook(Optional.empty(), team.m.tracker(), team.m.input(), team.m.prompts(),
                team.clock, 1 << 20));
        HttpResponse<String> r = post("/off", "{}", TOKEN);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).contains("CANDOR_WEBHOOK_TOKEN");
    }

    @Test
    void answeredByIdAndUnknownIds() throws Exception {
        long id = json(post("/api/mentions", "{\"id\": 1, \"platform\": \"x\", \"author\": \"a\", \"text\": \"t\"}", TOKEN))
                .get("id").asLong();
        HttpResponse<String> r = post("/api/mentions/" + id + "/answered", "", TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("state").asText()).isEqualTo("answered");
        assertThat(team.m.store().find(id).orElseThrow().state()).isEqualTo(MentionState.ANSWERED);
        assertThat(post("/api/mentions/424242/answered", "", TOKEN).statusCode()).isEqualTo(404);
        assertThat(post("/api/mentions/abc/answered", "", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void theSameMentionSentByManyAtOnceIsStoredOnce() throws Exception {
        String one = "{\"id\": \"dup\", \"platform\": \"x\", \"author\": \"a\", \"text\": \"t\"}";
        java.util.List<java.util.concurrent.CompletableFuture<Integer>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return post("/api/mentions", one, TOKEN).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        java.util.List<Integer> codes = calls.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        assertThat(codes).containsOnly(200, 201);
        assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
        assertThat(team.m.store().count()).isEqualTo(1);
    }

    @Test
    void readinessSaysWhetherTheStoreIsUpWhileLivenessStaysOk() throws Exception {
        HttpResponse<String> up = get("/readyz");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(json(up).get("checks").get("database").asText()).isEqualTo("ok");
        team.db.close();
        Thread.sleep(1_100); // a readiness answer is reused for a second
        HttpResponse<String> down = get("/readyz");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(down).get("checks").get("database").asText()).isNotEqualTo("ok");
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
