package io.candor.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code candor serve} (the real jar, its own process, H2 file database) while slow clients
 * hold connections open: each sends part of its headers or body, then one byte a second.
 * Measures /healthz and webhook requests per second and /healthz latency beside them, with
 * none, then {@code -Dslow=200,500} of them; then how long until the server cut them.
 * {@code mvn -B -o -q -DskipTests package && mvn -B -o -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.candor.web.SlowClientBenchmark}
 */
public final class SlowClientBenchmark {
    private static final String TOKEN = "bench-token";
    private static final int CLIENTS = Integer.getInteger("clients", 8);

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("jar", "target/candor.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("build the jar first: mvn -B -o -q -DskipTests package");
            System.exit(2);
        }
        System.out.println("server: " + jar.toAbsolutePath());
        Path dir = Files.createTempDirectory("candor-slow-bench");
        Path cfg = dir.resolve("candor.yaml");
        Files.writeString(cfg, "reminders: {enabled: false}\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--db", dir.resolve("db").toString(), "--port", Integer.toString(port),
                "-c", cfg.toString());
        pb.environment().put("CANDOR_WEBHOOK_TOKEN", TOKEN);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        Process server = pb.start();
        try {
            waitUntilUp(port);
            measure(port, -1, Duration.ofSeconds(8)); // warm-up (JIT)
            System.out.printf("load average before: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
            for (String n : ("0," + System.getProperty("slow", "200,500")).split(",")) {
                List<Socket> slow = openSlow(port, Integer.parseInt(n.strip()));
                Trickler trickle = new Trickler(slow);
                trickle.start();
                measure(port, slow.size(), Duration.ofSeconds(8));
                long t0 = System.nanoTime();
                int open = slow.size();
                while (open > 0 && System.nanoTime() - t0 < 40_000_000_000L) {
                    Thread.sleep(500);
                    open = stillOpen(slow);
                }
                trickle.stop.set(true);
                trickle.join();
                if (!slow.isEmpty()) {
                    System.out.printf("  all %d slow connections cut by the server %.1f s after the measurement began"
                            + " (%d still open)%n", slow.size(), 8 + (System.nanoTime() - t0) / 1e9, open);
                }
                for (Socket s : slow) {
                    s.close();
                }
            }
            System.out.printf("load average after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** CLIENTS keep-alive clients, half on /healthz and half posting one mention per request. */
    private static void measure(int port, int slow, Duration length) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong health = new AtomicLong();
        AtomicLong posts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong seq = new AtomicLong(System.nanoTime());
        Thread[] clients = new Thread[CLIENTS];
        for (int t = 0; t < CLIENTS; t++) {
            boolean healthClient = t % 2 == 0;
            long[] lat = new long[1_000_000];
            latencies.add(lat);
            clients[t] = new Thread(() -> {
                int i = 0;
                RawHttp c = null;
                while (!stop.get()) {
                    try {
                        if (c == null) {
                            c = new RawHttp("127.0.0.1", port).timeout(2_000); // no answer in 2 s is an error
                        }
                        long t0 = System.nanoTime();
                        if (healthClient) {
                            if (c.get("/healthz") == 200) {
                                health.incrementAndGet();
                                if (i < lat.length) {
                                    lat[i++] = System.nanoTime() - t0;
                                }
                            } else {
                                errors.incrementAndGet();
                            }
                        } else {
                            long n = seq.incrementAndGet();
                            String body = "{\"id\":\"" + n + "\",\"platform\":\"x\",\"author\":\"@u\",\"text\":\"Is it down? " + n + "\"}";
                            if (c.post("/api/mentions", TOKEN, body.getBytes(StandardCharsets.UTF_8)) / 100 == 2) {
                                posts.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        try {
                            if (c != null) {
                                c.close();
                            }
                        } catch (IOException ignored) {
                            // gone
                        }
                        c = null;
                    }
                }
                lat[lat.length - 1] = i; // how many were recorded
                if (c != null) {
                    try {
                        c.close(); // or the next round starts with these still counted against max_connections
                    } catch (IOException ignored) {
                        // gone
                    }
                }
            });
            clients[t].start();
        }
        Thread.sleep(length.toMillis());
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        List<Long> all = new ArrayList<>();
        for (long[] l : latencies) {
            for (int i = 0; i < l[l.length - 1]; i++) {
                all.add(l[i]);
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        double s = length.toMillis() / 1000.0;
        if (slow < 0) {
            return; // warm-up
        }
        System.out.printf("%3d slow connections open: /healthz %,.0f answered/s (p50 %.2f ms, p99 %.2f ms, max %.1f ms),"
                        + " webhook %,.0f mentions/s, %d errors, %d clients%n", slow, health.get() / s,
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                posts.get() / s, errors.get(), CLIENTS);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static List<Socket> openSlow(int port, int n) throws IOException {
        List<Socket> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout(1);
            String start = i % 2 == 0 ? "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "
                    : "POST /api/mentions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Length: 100000\r\n\r\n{\"id\": ";
            s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            out.add(s);
        }
        return out;
    }

    /** One byte a second on every slow connection, until the server hangs up. */
    private static final class Trickler extends Thread {
        final List<Socket> slow;
        final AtomicBoolean stop = new AtomicBoolean();

        Trickler(List<Socket> slow) {
            this.slow = slow;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop.get()) {
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write('1');
                    } catch (IOException gone) {
                        // cut by the server
                    }
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static int stillOpen(List<Socket> slow) {
        int n = 0;
        for (Socket s : slow) {
            try {
                InputStream in = s.getInputStream();
                byte[] b = new byte[4096];
                while (in.read(b) >= 0) {
                    // a 400 or 408 before the close: read on
                }
            } catch (SocketTimeoutException open) {
                n++;
            } catch (IOException reset) {
                // cut
            }
        }
        return n;
    }

    private static void waitUntilUp(int port) throws Exception {
        for (int i = 0; i < 300; i++) {
            try (RawHttp c = new RawHttp("127.0.0.1", port)) {
                if (c.get("/healthz") == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("candor serve did not come up " + Arrays.toString(new int[] {port}));
    }
}
