package io.candor.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * What the Mastodon and Bluesky stand-ins share: a loopback HTTP server that records every
 * request it gets (so a test can assert Candor sent nothing but the documented reads and
 * session calls) and answers the next requests to a path with canned faults when told to.
 */
public abstract class StandIn implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received: method, path, query parameters (repeated ones in order) and its bearer token. */
    public record Request(String method, String path, Map<String, List<String>> query, String bearer) {
        public String param(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    /** A response to give instead of the real one: status, body, headers, and a delay before it. */
    public record Canned(int status, String body, Map<String, String> headers, long delayMillis) {
        public static Canned status(int status) {
            return new Canned(status, "{\"error\":\"stand-in fault\"}", Map.of(), 0);
        }

        public static Canned slow(long millis) {
            return new Canned(0, null, Map.of(), millis); // status 0: the real answer, late
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService workers;
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Canned>> canned = new ConcurrentHashMap<>();

    protected StandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stand-in-" + getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code times} requests to {@code path} get {@code c} instead of the real answer. */
    public void fail(String path, int times, Canned c) {
        Deque<Canned> q = canned.computeIfAbsent(path, k -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) {
                q.add(c);
            }
        }
    }

    /** Requests to paths matching {@code regex} (with method), for assertions. */
    public List<Request> to(String regex) {
        return requests.stream().filter(r -> r.path().matches(regex)).toList();
    }

    /** Answers one request: {@code reply.json} with status, and headers. */
    protected record Reply(int status, Object json, Map<String, String> headers) {
        public static Reply ok(Object json) {
            return new Reply(200, json, Map.of());
        }
    }

    protected abstract Reply answer(Request r, byte[] body) throws IOException;

    private void dispatch(HttpExchange ex) throws IOException {
        try (ex) {
            Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    query(ex.getRequestURI().getRawQuery()), bearer(ex.getRequestHeaders().getFirst("Authorization")));
            byte[] body = ex.getRequestBody().readAllBytes();
            requests.add(r);
            Canned c = null;
            Deque<Canned> q = canned.get(r.path());
            if (q != null) {
                synchronized (q) {
                    c = q.poll();
                }
            }
            if (c != null && c.delayMillis() > 0) {
                try {
                    Thread.sleep(c.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Reply reply = c != null && c.status() != 0 ? new Reply(c.status(), c.body(), c.headers()) : answer(r, body);
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] out = (reply.json() instanceof String s ? s : JSON.writeValueAsString(reply.json()))
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(reply.status(), out.length);
            ex.getResponseBody().write(out);
        } catch (IOException | RuntimeException e) {
            // the client went away (a timeout test): nothing to answer
        }
    }

    private static String bearer(String header) {
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    protected static JsonNode parse(byte[] body) throws IOException {
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
