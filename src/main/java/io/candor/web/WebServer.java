package io.candor.web;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Candor's one HTTP server, on the JDK's built-in server: the mentions webhook, the health
 * check and Slack's HTTP mode all mount here. Listens on loopback unless configured
 * otherwise, so nothing is exposed by accident.
 */
public final class WebServer implements Routes, AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;

    private WebServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /** @param host an address to bind ("127.0.0.1", "0.0.0.0"); @param port 0 picks a free one */
    public static WebServer start(String host, int port, int threads) {
        // without TCP_NODELAY each small JSON answer waits for the client's delayed ACK (~40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 256);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "candor-http");
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
