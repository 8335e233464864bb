package io.candor.web;

import io.candor.config.ConfigException;

/**
 * The {@code server:} section: where the built-in HTTP server listens and how long a client
 * may take. The port comes from {@code CANDOR_PORT} when set, else from here.
 *
 * @param threads               worker threads kept ready; more are started on demand, up to one per connection
 * @param maxConnections        open connections at once; more are refused at accept
 * @param requestTimeoutSeconds a request's headers and body must arrive within this, else the connection is cut
 * @param responseTimeoutSeconds an answer must be produced and taken by the client within this
 * @param idleTimeoutSeconds    a keep-alive connection with no request is closed after this
 * @param drainSeconds          on shutdown, how long {@code /readyz} answers 503 "shutting down" while
 *                              everything still works, so a load balancer stops sending requests first
 * @param readyTimeoutSeconds   at start, how long to wait for readiness before saying what is not ready
 */
public record ServerSettings(String host, Integer port, Integer threads, Integer maxBodyBytes, Integer maxConnections,
                             Integer requestTimeoutSeconds, Integer responseTimeoutSeconds, Integer idleTimeoutSeconds,
                             Integer drainSeconds, Integer readyTimeoutSeconds) {
    public ServerSettings {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == null ? 3000 : port;
        threads = threads == null ? 8 : threads;
        maxBodyBytes = maxBodyBytes == null ? 1 << 20 : maxBodyBytes;
        maxConnections = maxConnections == null ? 512 : maxConnections;
        requestTimeoutSeconds = requestTimeoutSeconds == null ? 10 : requestTimeoutSeconds;
        responseTimeoutSeconds = responseTimeoutSeconds == null ? 30 : responseTimeoutSeconds;
        idleTimeoutSeconds = idleTimeoutSeconds == null ? 30 : idleTimeoutSeconds;
        drainSeconds = drainSeconds == null ? 0 : drainSeconds;
        readyTimeoutSeconds = readyTimeoutSeconds == null ? 60 : readyTimeoutSeconds;
        if (drainSeconds < 0 || drainSeconds > 600 || readyTimeoutSeconds < 1) {
            throw new ConfigException("server: drain_seconds between 0 and 600, ready_timeout_seconds >= 1");
        }
        if (threads < 1 || maxConnections < threads || requestTimeoutSeconds < 1 || responseTimeoutSeconds < 1
                || idleTimeoutSeconds < 1 || maxBodyBytes < 1) {
            throw new ConfigException("server: threads >= 1, max_connections >= threads, request_timeout_seconds,"
                    + " response_timeout_seconds, idle_timeout_seconds and max_body_bytes >= 1");
        }
    }

    /** The defaults, as if the section were empty. */
    public static ServerSettings defaults() {
        return new ServerSettings(null, null, null, null, null, null, null, null, null, null);
    }
}
