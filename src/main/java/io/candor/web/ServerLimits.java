package io.candor.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK server's connection limits and deadlines, which it reads from system properties
 * once per JVM, when the first server starts (see the {@code jdk.httpserver} module's
 * documentation). They are set here from the {@code server:} settings before that; a
 * property already given on the command line ({@code -Dsun.net.httpserver.maxReqTime=...})
 * wins. A second server in the same JVM shares the first one's limits.
 *
 * @param requestTimeoutSeconds  headers and body must arrive within this (JDK {@code maxReqTime}, seconds on Java 17+)
 * @param responseTimeoutSeconds from the end of the request until the answer is taken ({@code maxRspTime})
 */
public record ServerLimits(int maxConnections, int requestTimeoutSeconds, int responseTimeoutSeconds,
                           int idleTimeoutSeconds) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLimits.class);
    private static ServerLimits applied;

    static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";
    static final String REQUEST_TIME = "sun.net.httpserver.maxReqTime";
    static final String RESPONSE_TIME = "sun.net.httpserver.maxRspTime";
    static final String IDLE = "sun.net.httpserver.idleInterval";
    /** How often idle and never-used connections are looked at (ms); the JDK's default is 10 s. */
    static final String IDLE_TICK = "sun.net.httpserver.clockTick";
    /** Without TCP_NODELAY each small JSON answer waits for the client's delayed ACK (~40 ms). */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    /** The limits in force in this JVM, set from {@code s} if no server has started yet. */
    static synchronized ServerLimits apply(ServerSettings s) {
        if (applied == null) {
            setIfAbsent(MAX_CONNECTIONS, s.maxConnections());
            setIfAbsent(REQUEST_TIME, s.requestTimeoutSeconds());
            setIfAbsent(RESPONSE_TIME, s.responseTimeoutSeconds());
            setIfAbsent(IDLE, s.idleTimeoutSeconds());
            setIfAbsent(IDLE_TICK, 1000);
            System.setProperty(NODELAY, "true");
            applied = new ServerLimits(Integer.getInteger(MAX_CONNECTIONS), Integer.getInteger(REQUEST_TIME),
                    Integer.getInteger(RESPONSE_TIME), Integer.getInteger(IDLE));
        } else if (applied.maxConnections() != s.maxConnections()
                || applied.requestTimeoutSeconds() != s.requestTimeoutSeconds()) {
            LOG.debug("HTTP server limits are per JVM; keeping {}", applied);
        }
        return applied;
    }

    /** The limits in force, or null before any server started. */
    public static synchronized ServerLimits current() {
        return applied;
    }

    private static void setIfAbsent(String key, int value) {
        String given = System.getProperty(key);
        if (given == null || given.isBlank() || Integer.getInteger(key) == null || Integer.getInteger(key) <= 0) {
            System.setProperty(key, Integer.toString(value));
        }
    }
}
