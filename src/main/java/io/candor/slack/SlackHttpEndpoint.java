package io.candor.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP mode on the built-in JDK server. The signature, the timestamp (either way) and
 * replays are checked first, on the raw bytes ({@link SignedRequests}): a request that fails
 * gets 401 and nothing of it is parsed or logged. Then the body and headers go to Bolt, which
 * checks the signature again and runs the listeners.
 */
final class SlackHttpEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpEndpoint.class);
    /** Slack payloads are a few kilobytes; a large body is not from Slack. */
    static final int MAX_BODY = 1 << 20;

    private final App app;
    private final SlackRequestParser parser;
    private final SignedRequests signed;

    SlackHttpEndpoint(App app, SignedRequests signed) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signed = signed;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "POST");
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] raw;
            try (InputStream in = ex.getRequestBody()) {
                raw = in.readNBytes(MAX_BODY + 1);
            }
            if (raw.length > MAX_BODY) {
                ex.getResponseHeaders().set("Connection", "close");
                ex.sendResponseHeaders(413, -1);
                return;
            }
            SignedRequests.Verdict verdict = signed.check(ex.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
                    ex.getRequestHeaders().getFirst("X-Slack-Signature"), raw);
            if (verdict == SignedRequests.Verdict.REPLAY && ex.getRequestHeaders().containsKey("X-Slack-Retry-Num")) {
                ex.sendResponseHeaders(200, -1); // Slack's own redelivery of what was already handled: done
                return;
            }
            if (verdict != SignedRequests.Verdict.OK) {
                LOG.debug("Slack request refused: {}", verdict); // the verdict only: the body is anyone's
                ex.sendResponseHeaders(401, -1);
                return;
            }
            Map<String, List<String>> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
            Request<?> req = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ex.getRequestURI().getPath())
                    .queryString(query(ex.getRequestURI().getRawQuery()))
                    .headers(new RequestHeaders(headers))
                    .requestBody(new String(raw, StandardCharsets.UTF_8))
                    .remoteAddress(ex.getRemoteAddress().getAddress().getHostAddress())
                    .build());
            Response resp;
            try {
                resp = req == null ? Response.builder().statusCode(400).body("").build() : app.run(req);
            } catch (Exception e) {
                LOG.warn("Slack request could not be handled: {}", e.getClass().getName());
                resp = Response.builder().statusCode(500).body("").build();
            }
            write(ex, resp);
        }
    }

    private static void write(HttpExchange ex, Response resp) throws IOException {
        if (resp.getHeaders() != null) {
            resp.getHeaders().forEach((k, v) -> v.forEach(x -> ex.getResponseHeaders().add(k, x)));
        }
        if (resp.getContentType() != null) {
            ex.getResponseHeaders().set("Content-Type", resp.getContentType());
        }
        byte[] body = resp.getBody() == null ? new byte[0] : resp.getBody().getBytes(StandardCharsets.UTF_8);
        int status = resp.getStatusCode() == null ? 200 : resp.getStatusCode();
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }
}
