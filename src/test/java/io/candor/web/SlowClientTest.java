package io.candor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow clients (slowloris: headers or body one byte at a time) hold a connection each; they
 * must neither stop the server from answering others nor stay connected for ever.
 */
class SlowClientTest {
    private static final String TOKEN = "t0ken";
    private static final int SLOW = 200;

    private final TestTeam team = TestTeam.create(TestTeam.PEOPLE, Instant.parse("2026-11-23T10:00:00Z"));
    private final WebServer server = WebServer.start("127.0.0.1", 0, ServerSettings.defaults());
    private final List<Socket> slow = new ArrayList<>();

    {
        server.route(HealthCheck.PATH, HealthCheck.liveness());
        server.route(MentionsWebhook.PATH, new MentionsWebhook(Optional.of(TOKEN), team.m.tracker(), team.m.input(),
                team.m.prompts(), team.clock, 1 << 20));
    }

    @AfterEach
    void close() throws IOException {
        for (Socket s : slow) {
            s.close();
        }
        server.close();
        team.close();
    }

    @Test
    void twoHundredSlowClientsNeitherBlockOthersNorStayForEver() throws Exception {
        for (int i = 0; i < SLOW; i++) {
            Socket s = new Socket("127.0.0.1", server.address().getPort());
            s.setSoTimeout(50);
            String start = i % 2 == 0
                    // half stop in the middle of their headers
                    ? "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "
                    // half send whole headers and then trickle a body
                    : "POST /api/mentions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Length: 5000\r\n\r\n{\"id\": ";
            s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            slow.add(s);
        }
        trickle();

        // the server still answers, quickly, while all of them are connected
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            assertThat(request("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
            String body = "{\"id\": \"f" + i + "\", \"platform\": \"x\", \"author\": \"a\", \"text\": \"hi\"}";
            assertThat(request("POST /api/mentions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body))
                    .startsWith("HTTP/1.1 201");
            assertThat((System.nanoTime() - t0) / 1_000_000).as("ms for two requests beside %d slow clients", SLOW)
                    .isLessThan(1_000);
            trickle();
        }

        // and each slow one is cut once its request deadline has passed, however it trickles
        int deadline = ServerLimits.current().requestTimeoutSeconds();
        long until = System.currentTimeMillis() + (deadline + 4) * 1000L;
        while (System.currentTimeMillis() < until && open() > 0) {
            trickle();
            Thread.sleep(250);
        }
        assertThat(open()).as("slow connections still open %d s after the %d s deadline", 4, deadline).isZero();
        assertThat(team.m.store().count()).isEqualTo(5);
    }

    /** One more byte on each slow connection, as a slowloris keeps its requests alive. */
    private void trickle() {
        for (Socket s : slow) {
            if (!s.isClosed()) {
                try {
                    s.getOutputStream().write('1');
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    closeQuietly(s);
                }
            }
        }
    }

    /** Slow connections the server has not closed yet. */
    private int open() {
        int n = 0;
        for (Socket s : slow) {
            if (s.isClosed()) {
                continue;
            }
            try {
                InputStream in = s.getInputStream();
                while (true) {
                    if (in.read() < 0) {
                        closeQuietly(s); // the server hung up (after a 400, or silently)
                        break;
                    }
                }
            } catch (SocketTimeoutException stillOpen) {
                n++;
            } catch (IOException reset) {
                closeQuietly(s);
            }
        }
        return n;
    }

    private String request(String raw) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            s.setSoTimeout(1_000);
            OutputStream out = s.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
