package io.candor.slack;

import static io.candor.slack.SlackStandIn.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode end to end on loopback: apps.connections.open (stand-in) hands Candor a
 * ws:// URL served here; the server says hello, sends a /coach envelope, and checks the ack.
 */
class SlackSocketModeTest {
    static final String APP_TOKEN = "xapp-1-A111-222-abcdef";

    /** Plays Slack's side of the Socket Mode connection. */
    static final class SocketSlack extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        final List<String> paths = new CopyOnWriteArrayList<>();
        volatile String envelope = "";

        SocketSlack() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            paths.add(handshake.getResourceDescriptor());
            conn.send("""
                    {"type":"hello","num_connections":1,"debug_info":{"host":"applink-test","build_number":1,
                     "approximate_connection_time":18060},"connection_info":{"app_id":"A1"}}""");
            conn.send(envelope);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                received.add(JSON.readTree(message));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    @Test
    void slashCommandOverSocketModeIsAckedOnTheSocketAndReviewedPrivately() throws Exception {
        SocketSlack ws = new SocketSlack();
        ws.start();
        assertThat(ws.started.await(10, TimeUnit.SECONDS)).isTrue();
        String wsUrl = "ws://127.0.0.1:" + ws.getPort() + "/link/?ticket=t1";
        String envelopeId = "57d6a792-4d35-4d0b-b6aa-3361493e1caf";
        try (SlackRig rig = new SlackRig(Map.of("SLACK_APP_TOKEN", APP_TOKEN), standIn -> {
            standIn.socketModeUrl(wsUrl);
            var payload = JSON.createObjectNode();
            SlackRig.command(standIn, SlackHttpModeTest.DRAFT, "sm1").forEach(payload::put);
            var env = JSON.createObjectNode();
            env.put("envelope_id", envelopeId).put("type", "slash_commands")
                    .put("accepts_response_payload", true).set("payload", payload);
            ws.envelope = env.toString();
        })) {
            await().atMost(Duration.ofSeconds(20)).until(() -> ws.received.stream()
                    .anyMatch(m -> m.path("envelope_id").asText().equals(envelopeId)));
            JsonNode ack = ws.received.stream()
                    .filter(m -> m.path("envelope_id").asText().equals(envelopeId))
                    .findFirst().orElseThrow();
            assertThat(ack.path("payload").path("text").asText()).contains("Reading your draft");

            await().atMost(Duration.ofSeconds(10)).until(() -> !rig.slack.responses("sm1").isEmpty());
            assertThat(rig.slack.responses("sm1").get(0).body().path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(rig.slack.calls("apps.connections.open")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer " + APP_TOKEN));
            assertThat(rig.reviewed).hasSize(1);
        } finally {
            ws.stop(1000);
        }
    }
}
