package io.candor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.TestTeam;
import io.candor.config.CandorConfig;
import io.candor.history.Earlier;
import io.candor.history.History;
import io.candor.history.HistorySettings;
import io.candor.platform.Platform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reply that answered a mention, sent with {@code POST /api/mentions/{id}/answered}, is kept as a post. */
class AnsweredRepliesTest {
    private static final String TOKEN = "s3cret-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPLY = "Yes! Everything you saved works offline, and it syncs once you are back online.";

    private final TestTeam team = TestTeam.create(TestTeam.PEOPLE, Instant.parse("2026-11-23T10:00:00Z"));
    private final History history = History.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            CandorConfig.defaults().section("history", HistorySettings.class), team.clock);
    private final WebServer server = WebServer.start("127.0.0.1", 0, 4);
    private final HttpClient http = HttpClient.newHttpClient();

    {
        server.route(MentionsWebhook.PATH, new MentionsWebhook(Optional.of(TOKEN), team.m.tracker(), team.m.input(),
                team.m.prompts(), team.clock, 1 << 20)
                .recordAnswers((m, text, author, t) -> history.recordAnswer(m.platform(), text, author, t)));
    }

    @AfterEach
    void close() {
        server.close();
        history.close();
        team.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long mention() throws Exception {
        HttpResponse<String> r = post("/api/mentions", """
                {"id": "1799", "platform": "x", "author": "@sam", "text": "Does it work offline?"}""");
        return JSON.readTree(r.body()).get("id").asLong();
    }

    @Test
    void theAnswerIsKeptAsAPostOnTheMentionsPlatform() throws Exception {
        long id = mention();
        HttpResponse<String> r = post("/api/mentions/" + id + "/answered",
                "{\"text\": " + JSON.writeValueAsString(REPLY) + ", \"author\": \"bob\", \"team\": \"acme\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("state").asText()).isEqualTo("answered");
        assertThat(body.get("posted").asBoolean()).isTrue();
        List<Earlier> found = history.similar(history.sketch(REPLY), "acme", Instant.EPOCH, 5);
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.posted()).isTrue();
            assertThat(e.author()).isEqualTo("bob");
            assertThat(e.platforms()).containsExactly(Platform.TWITTER);
        });
        assertThat(history.store().orElseThrow().stats().bySource()).containsEntry("webhook", 1L);
    }

    @Test
    void withoutATextItIsOnlyAnsweredAndABrokenBodyChangesNothing() throws Exception {
        long id = mention();
        HttpResponse<String> bad = post("/api/mentions/" + id + "/answered", "{\"text\": ");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(team.m.tracker().store().find(id).orElseThrow().state().id()).isNotEqualTo("answered");
        HttpResponse<String> plain = post("/api/mentions/" + id + "/answered", "");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(plain.body()).has("posted")).isFalse();
        assertThat(history.store().orElseThrow().count()).isZero();
    }
}
