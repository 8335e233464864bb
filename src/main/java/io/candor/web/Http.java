package io.candor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers for JSON answers on the JDK server. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void error(HttpExchange ex, int status, String message, String field) throws IOException {
        ObjectNode n = JSON.createObjectNode().put("error", message);
        if (field != null && !field.isEmpty()) {
            n.put("field", field);
        }
        send(ex, status, n);
    }

    /**
     * The body, or null when it is longer than {@code max} bytes. An oversized body is
     * still read (up to a bound) and thrown away, so the client gets to read our 413
     * instead of a reset connection.
     */
    static byte[] body(HttpExchange ex, int max) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length <= max) {
                return b;
            }
            long skipped = 0;
            byte[] sink = new byte[1 << 16];
            for (int n; skipped < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) {
                skipped += n;
            }
            return null;
        }
    }

    private static final long DRAIN_LIMIT = 64L << 20;

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
