package io.candor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that arrive together share one commit; a mention the database refuses must fail
 * only the request that carried it, never the others in the same commit.
 */
class IngestIsolationTest {
    private static final String TOKEN = "t0ken";

    private final TestTeam team = TestTeam.create(TestTeam.PEOPLE, Instant.parse("2026-11-23T10:00:00Z"));
    private final WebServer server = WebServer.start("127.0.0.1", 0, 32);
    private final HttpClient http = HttpClient.newHttpClient();

    {
        server.route(MentionsWebhook.PATH, new MentionsWebhook(Optional.of(TOKEN), team.m.tracker(), team.m.input(),
                team.m.prompts(), team.clock, 1 << 20));
    }

    /** Holds the writer inside its transaction for a moment when the author is "slow", so the next ones queue up. */
    public static final class SlowInsert implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
            if ("slow".equals(newRow[3])) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @AfterEach
    void close() {
        server.close();
        team.close();
    }

    @Test
    void aMentionTheDatabaseRefusesFailsOnlyItsOwnRequest() throws Exception {
        try (Connection c = team.db.connection(); Statement s = c.createStatement()) {
            // a value only the database refuses (the webhook's own checks let it through)
            s.execute("ALTER TABLE mentions ADD CONSTRAINT test_refuses CHECK (author <> 'refused-by-db')");
            s.execute("CREATE TRIGGER test_slow BEFORE INSERT ON mentions FOR EACH ROW CALL \""
                    + SlowInsert.class.getName() + "\"");
        }
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            sendTogether();
        } finally {
            System.setErr(err);
        }
        // neither the refused mention's words nor its author reach the log
        assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("refused-by-db");
    }

    private void sendTogether() throws Exception {
        CompletableFuture<HttpResponse<String>> first = post("first", "slow");
        Thread.sleep(150); // the writer is now inside the first commit; the rest queue behind it
        List<CompletableFuture<HttpResponse<String>>> valid = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            valid.add(post("v" + i, "ann"));
        }
        CompletableFuture<HttpResponse<String>> bad = post("bad", "refused-by-db");
        for (int i = 10; i < 20; i++) {
            valid.add(post("v" + i, "ann"));
        }

        assertThat(first.join().statusCode()).isEqualTo(201);
        assertThat(valid).extracting(f -> f.join().statusCode()).containsOnly(201);
        HttpResponse<String> refused = bad.join();
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("the database refused this mention").doesNotContain("refused-by-db");
        assertThat(team.m.store().count()).isEqualTo(21);
    }

    @Test
    void aNumericIdOfTwoHundredDigitsIsRefusedByNameBeforeTheDatabase() throws Exception {
        HttpResponse<String> r = post("1".repeat(250), "ann", false).join();
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"id\"").contains("longer than 200");
        assertThat(team.m.store().count()).isZero();
    }

    private CompletableFuture<HttpResponse<String>> post(String id, String author) {
        return post(id, author, true);
    }

    private CompletableFuture<HttpResponse<String>> post(String id, String author, boolean quoted) {
        String idJson = quoted ? "\"" + id + "\"" : id;
        String body = "{\"id\": " + idJson + ", \"platform\": \"x\", \"author\": \"" + author + "\", \"text\": \"hi\"}";
        return http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + MentionsWebhook.PATH))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
