package io.candor.web;

/**
 * The {@code server:} section: where the built-in HTTP server listens. The port comes from
 * {@code CANDOR_PORT} when set, else from here.
 */
public record ServerSettings(String host, Integer port, Integer threads, Integer maxBodyBytes) {
    public ServerSettings {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == null ? 3000 : port;
        threads = threads == null ? 8 : threads;
        maxBodyBytes = maxBodyBytes == null ? 1 << 20 : maxBodyBytes;
    }
}
