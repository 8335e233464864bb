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

/** GET /api/mentions and closing or assigning a mention by the listening tool's own id. */
class MentionListRouteTest {
    private static final String TOKEN = "list-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestTeam team = TestTeam.create(TestTeam.PEOPLE, Instant.parse("2026-11-23T10:00:00Z"));
    private final WebServer server = WebServer.start("127.0.0.1", 0, 4);
    private final HttpClient http = HttpClient.newHttpClient();

    {
        server.route(MentionsWebhook.PATH, new MentionsWebhook(Optional.of(TOKEN), team.m.tracker(), team.m.input(),
                team.m.prompts(), team.clock, 1 << 20));
    }

    @AfterEach
    void close() {
        server.close();
        team.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private void seed() throws Exception {
        ok(send("POST", "/api/mentions", """
                [{"id": "1799/a b", "platform": "x", "author": "@sam", "text": "Does it work offline?", "received_at": "2026-11-23"},
                 {"id": "bs-2", "platform": "bluesky", "author": "@kim", "text": "Your app ate my notes", "assignee": "bob",
                  "received_at": "2026-11-23T09:00:00Z"},
                 {"id": "3", "platform": "x", "author": "@ann", "text": "love it", "received_at": 1795426200}]""", TOKEN), 201);
    }

    @Test
    void theOpenMentionsAreListedOldestFirstWithTheSameToken() throws Exception {
        seed();
        JsonNode all = ok(send("GET", "/api/mentions?state=open", null, TOKEN), 200);
        assertThat(all.get("count").asInt()).isEqualTo(3);
        assertThat(all.get("truncated").asBoolean()).isFalse();
        JsonNode first = all.get("mentions").get(0);
        assertThat(first.get("source_id").asText()).isEqualTo("1799/a b");
        assertThat(first.get("received_at").asText()).isEqualTo("2026-11-23T00:00:00Z");
        assertThat(first.get("state").asText()).isEqualTo("open");
        assertThat(first.get("assignee").isNull()).isTrue();
        assertThat(first.get("text").asText()).isEqualTo("Does it work offline?");

        JsonNode bobs = ok(send("GET", "/api/mentions?assignee=%40bob", null, TOKEN), 200);
        assertThat(bobs.get("mentions")).extracting(n -> n.get("source_id").asText()).containsExactly("bs-2");
        JsonNode nobody = ok(send("GET", "/api/mentions?assignee=nobody&limit=1", null, TOKEN), 200);
        assertThat(nobody.get("count").asInt()).isEqualTo(1);
        assertThat(nobody.get("truncated").asBoolean()).isTrue();

        assertThat(send("GET", "/api/mentions", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/mentions", null, "wrong").statusCode()).isEqualTo(401);
        assertThat(ok(send("GET", "/api/mentions?state=closed", null, TOKEN), 400).get("field").asText()).isEqualTo("state");
        assertThat(ok(send("GET", "/api/mentions?limit=0", null, TOKEN), 400).get("field").asText()).isEqualTo("limit");
        assertThat(ok(send("GET", "/api/mentions?sate=open", null, TOKEN), 400).get("error").asText()).contains("'sate'");
        assertThat(send("DELETE", "/api/mentions", null, TOKEN).headers().firstValue("Allow")).contains("GET, POST");
    }

    @Test
    void aMentionIsClosedAndAssignedByTheIdItsToolSent() throws Exception {
        seed();
        // the tool's id has a slash and a space: URL-encoded in the path
        JsonNode closed = ok(send("POST", "/api/mentions/x/1799%2Fa%20b/answered", "", TOKEN), 200);
        assertThat(closed.get("state").asText()).isEqualTo("answered");
        assertThat(team.m.store().findBySource("x", "1799/a b").orElseThrow().state()).isEqualTo(MentionState.ANSWERED);

        JsonNode given = ok(send("POST", "/api/mentions/bluesky/bs-2/assign", "{\"assignee\": \"carol\"}", TOKEN), 200);
        assertThat(given.get("assignee").asText()).isEqualTo("carol");
        assertThat(ok(send("POST", "/api/mentions/bluesky/bs-2/assign", "{\"assignee\": \"dave\"}", TOKEN), 400)
                .get("error").asText()).contains("'dave' is not a known person");
        assertThat(ok(send("POST", "/api/mentions/bluesky/bs-2/assign", "{}", TOKEN), 400).get("field").asText())
                .isEqualTo("assignee");
        long id = team.m.store().findBySource("x", "3").orElseThrow().id();
        assertThat(ok(send("POST", "/api/mentions/" + id + "/assign", "{\"assignee\": \"alice\"}", TOKEN), 200)
                .get("assignee").asText()).isEqualTo("alice");

        assertThat(ok(send("POST", "/api/mentions/x/nope/answered", "", TOKEN), 404).get("error").asText())
                .isEqualTo("no mention from x with source id nope");
        assertThat(send("POST", "/api/mentions/x/3/answered", "", "wrong").statusCode()).isEqualTo(401);
        assertThat(team.m.store().findBySource("x", "3").orElseThrow().state()).isEqualTo(MentionState.OPEN);

        JsonNode open = ok(send("GET", "/api/mentions?state=open", null, TOKEN), 200);
        assertThat(open.get("mentions")).extracting(n -> n.get("source_id").asText()).containsExactly("bs-2", "3");
        assertThat(ok(send("GET", "/api/mentions?state=all", null, TOKEN), 200).get("count").asInt()).isEqualTo(3);
    }
}
