package io.candor.web;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Candor's one HTTP server, on the JDK's built-in server: the mentions webhook, the health
 * checks and Slack's HTTP mode all mount here. Listens on loopback unless configured
 * otherwise, so nothing is exposed by accident.
 *
 * <p>Slow clients: the JDK server reads a request's headers and body on a worker thread, in
 * blocking mode, so a client that trickles its request holds a thread. Two things keep such
 * clients from stopping the server: a worker can be had for every open connection (the pool
 * grows up to {@code max_connections}, and the JDK refuses connections beyond that at
 * accept), and the JDK's own deadlines cut a connection whose request has not fully arrived
 * within {@code request_timeout_seconds}, or whose answer was not taken within
 * {@code response_timeout_seconds}. See {@link ServerLimits}.
 */
public final class WebServer implements Routes, AutoCloseable {
    private final HttpServer server;
    private final ThreadPoolExecutor pool;

    private WebServer(HttpServer server, ThreadPoolExecutor pool) {
        this.server = server;
        this.pool = pool;
    }

    /** With default limits and {@code threads} workers kept ready. */
    public static WebServer start(String host, int port, int threads) {
        ServerSettings d = ServerSettings.defaults();
        return start(host, port, new ServerSettings(host, port, threads, d.maxBodyBytes(), Math.max(threads,
                d.maxConnections()), d.requestTimeoutSeconds(), d.responseTimeoutSeconds(), d.idleTimeoutSeconds(),
                d.drainSeconds(), d.readyTimeoutSeconds()));
    }

    /** @param host an address to bind ("127.0.0.1", "0.0.0.0"); @param port 0 picks a free one */
    public static WebServer start(String host, int port, ServerSettings settings) {
        ServerLimits limits = ServerLimits.apply(settings);
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 256);
            // one worker per connection at most: the JDK accepts no more than maxConnections, so a
            // task is never refused and never waits behind a slow client
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.threads(), limits.maxConnections() + 16,
                    60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "candor-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(pool);
            s.start();
            return new WebServer(s, pool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + " (is another Candor running? set CANDOR_PORT)", e);
        }
    }

    @Override
    public void route(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public String baseUrl() {
        return "http://" + address().getHostString() + ":" + address().getPort();
    }

    /** Worker threads alive now (for the benchmark's report). */
    public int workers() {
        return pool.getPoolSize();
    }

    @Override
    public void close() {
        server.stop(1);
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
