package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.Candor;
import io.candor.TestTeam;
import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import io.candor.identity.SurfaceKind;
import io.candor.review.Draft;
import io.candor.review.Review;
import io.candor.store.Backend;
import io.candor.store.PostgresServer;
import io.candor.store.TcpProxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PostgreSQL unreachable at start, and gone while Candor serves: clear words, 503s, and recovery without a restart. */
class PostgresFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChatUser ANA = ChatUser.of(SurfaceKind.SLACK, "T1", "UALICE", "alice");

    @Test
    void aServerThatCannotBeReachedAtStartIsOneLineAndExitCode2WithThePasswordHidden() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            code = Candor.run("serve", "--port", "0", "--db",
                    "jdbc:postgresql://127.0.0.1:" + closed + "/candor?user=candor&password=hunter2");
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        String said = err.toString(StandardCharsets.UTF_8).strip();
        assertThat(code).isEqualTo(2);
        assertThat(said.lines().count()).as(said).isEqualTo(1);
        assertThat(said).startsWith("candor: the database at jdbc:postgresql://127.0.0.1:" + closed)
                .endsWith("cannot be used: the database server cannot be reached")
                .contains("password=***").doesNotContain("hunter2");
    }

    @Test
    void aDatabaseThatDoesNotExistIsNamedAsSuch() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.candor.store.Database.open(
                        PostgresServer.shared().url("no_such_database")))
                .isInstanceOf(io.candor.store.StoreUnavailableException.class)
                .hasMessageEndingWith("cannot be used: that database does not exist on the server (create it first)");
    }

    @Test
    void whilePostgresIsGoneReadinessAndTheWebhookSay503ReviewsGoOnAndAllRecoversWhenItIsBack() throws Exception {
        String yaml = TestTeam.PEOPLE + "storage: {pool: {connection_timeout_ms: 500}}\n";
        try (TcpProxy proxy = new TcpProxy(PostgresServer.shared().port());
             InstanceRig rig = new InstanceRig(yaml, TcpProxy.url(proxy, Backend.POSTGRES.freshUrl()), Clock.systemUTC(),
                     "faults")) {
            assertThat(rig.instance.awaitReady(Duration.ofSeconds(10))).isTrue();
            assertThat(rig.post("/api/mentions", mention("1")).statusCode()).isEqualTo(201);
            String pitch = "Check out our spring collection, 20% off this week only for our followers. The #1 store in the world!";
            String muted = review(rig, pitch).findings().get(0).rule();
            rig.instance.bot().feedback(ANA, muted, io.candor.chat.Feedback.MUTE);
            assertThat(review(rig, pitch).findings()).extracting(f -> f.rule()).doesNotContain(muted);

            proxy.cut();
            // db-scheduler's worker may throw on its own thread while the database is gone (it logs
            // it and detects the stuck execution later): expected here, so it does not fail the wait
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> rig.get("/readyz").statusCode() == 503);
            HttpResponse<String> ready = rig.get("/readyz");
            assertThat(ready.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(ready.body()).at("/checks/database").asText())
                    .isEqualTo("the database server cannot be reached");
            assertThat(rig.get("/healthz").statusCode()).isEqualTo(200);

            HttpResponse<String> refused = rig.post("/api/mentions", mention("2"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(refused.body()).get("reason").asText()).isEqualTo("the database server cannot be reached");

            Review down = review(rig, pitch);
            assertThat(down.findings()).isNotEmpty(); // the rules still review
            assertThat(down.findings()).extracting(f -> f.rule()).as("the mute read before still holds").doesNotContain(muted);
            assertThat(down.notes()).anySatisfy(n -> assertThat(n)
                    .startsWith("This draft could not be added to the history").contains("cannot be reached"));

            proxy.restore();
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> rig.get("/readyz").statusCode() == 200);
            assertThat(rig.post("/api/mentions", mention("2")).statusCode()).isEqualTo(201);
            assertThat(review(rig, "A thank-you note for everyone who came to the meetup in Lyon on Tuesday").notes()).isEmpty();
            JsonNode listed = JSON.readTree(rig.get("/readyz").body());
            assertThat(listed.at("/checks/database").asText()).isEqualTo("ok");
            assertThat(rig.instance.mentions().store().count()).isEqualTo(2);
        }
    }

    private static Review review(InstanceRig rig, String text) {
        Reply r = rig.instance.bot().review(ANA, Draft.of(text));
        assertThat(r).isInstanceOf(Reply.ReviewResult.class);
        return ((Reply.ReviewResult) r).review();
    }

    private static String mention(String id) {
        return "{\"id\":\"" + id + "\",\"platform\":\"x\",\"author\":\"@sam\",\"text\":\"Does it work offline?\"}";
    }
}
