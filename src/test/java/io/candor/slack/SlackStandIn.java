package io.candor.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for the Slack Web API ({@code /api/<method>}) and for response_url
 * endpoints ({@code /respond/<id>}): it records what Candor sends and answers like Slack.
 */
public final class SlackStandIn implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One Web API call: the method, its form fields (blocks as JSON text) and the Authorization header. */
    record Call(String method, Map<String, String> params, String authorization) {
        String param(String name) {
            return params.get(name);
        }

        JsonNode blocks() {
            try {
                return JSON.readTree(params.getOrDefault("blocks", "[]"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A reply Candor posted to a response_url. */
    record Response(String id, JsonNode body) {
    }

    private record Canned(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<Response> responses = new CopyOnWriteArrayList<>();
    /** Files POSTed to an upload URL from files.getUploadURLExternal: file id and bytes. */
    final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, Deque<Canned>> next = new ConcurrentHashMap<>();
    private volatile String socketUrl = "";
    private final Map<String, Long> delays = new ConcurrentHashMap<>();

    public SlackStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/respond/", this::respond);
        server.createContext("/upload/", ex -> {
            uploads.put(ex.getRequestURI().getPath().substring("/upload/".length()), ex.getRequestBody().readAllBytes());
            send(ex, 200, "OK - " + uploads.size());
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String apiUrl() {
        return base() + "/api/";
    }

    String responseUrl(String id) {
        return base() + "/respond/" + id;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void socketModeUrl(String wsUrl) {
        socketUrl = wsUrl;
    }

    /** The next call of {@code method} gets this answer instead of the usual one. */
    void answerOnce(String method, int status, String body, Map<String, String> headers) {
        next.computeIfAbsent(method, k -> new ArrayDeque<>()).add(new Canned(status, body, headers));
    }

    /** Every call of {@code method} is answered only after this long (a slow Slack). */
    public void delay(String method, java.time.Duration d) {
        delays.put(method, d.toMillis());
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    List<Response> responses(String id) {
        return responses.stream().filter(r -> r.id().equals(id)).toList();
    }

    private void api(HttpExchange ex) throws IOException {
        String method = ex.getRequestURI().getPath().substring("/api/".length());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new HashMap<>();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            JSON.readTree(body).properties().forEach(e -> params.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } else {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        calls.add(new Call(method, params, ex.getRequestHeaders().getFirst("Authorization")));
        Long wait = delays.get(method);
        if (wait != null) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Deque<Canned> q = next.get(method);
        Canned canned = q == null ? null : q.poll();
        if (canned != null) {
            canned.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            send(ex, canned.status(), canned.body());
            return;
        }
        send(ex, 200, usual(method, params));
    }

    private String usual(String method, Map<String, String> params) {
        return switch (method) {
            case "auth.test" -> """
                    {"ok":true,"url":"https://candor-test.slack.com/","team":"Candor Test","user":"candor",
                     "team_id":"T1","user_id":"UBOT","bot_id":"BBOT"}""";
            case "users.info" -> """
                    {"ok":true,"user":{"id":"%s","team_id":"T1","name":"ana","real_name":"Ana Example",
                     "tz":"Europe/Berlin","profile":{"display_name":"ana"}}}""".formatted(params.get("user"));
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + params.get("users") + "\"}}";
            case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"1700000000.000100\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000000.000200\"}";
            case "chat.getPermalink" -> "{\"ok\":true,\"channel\":\"" + params.get("channel")
                    + "\",\"permalink\":\"https://candor-test.slack.com/archives/" + params.get("channel") + "/p"
                    + params.getOrDefault("message_ts", "").replace(".", "") + "\"}";
            case "views.open" -> "{\"ok\":true,\"view\":{\"id\":\"V1\"}}";
            case "views.publish" -> "{\"ok\":true,\"view\":{\"id\":\"VHOME\",\"type\":\"home\"}}";
            case "files.getUploadURLExternal" -> "{\"ok\":true,\"upload_url\":\"" + base() + "/upload/F" + calls.size()
                    + "\",\"file_id\":\"F" + calls.size() + "\"}";
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\"}]}";
            case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketUrl + "\"}";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    }

    private void respond(HttpExchange ex) throws IOException {
        String id = ex.getRequestURI().getPath().substring("/respond/".length());
        byte[] body = ex.getRequestBody().readAllBytes();
        responses.add(new Response(id, JSON.readTree(body)));
        send(ex, 200, "ok");
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** All mrkdwn/plain text anywhere in a list of blocks, one string, for content asserts. */
    static String textOf(JsonNode blocks) {
        List<String> out = new ArrayList<>();
        blocks.findValues("text").forEach(t -> out.add(t.isTextual() ? t.asText() : t.path("text").asText()));
        return String.join("\n", out);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
