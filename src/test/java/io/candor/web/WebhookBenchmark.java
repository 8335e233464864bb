package io.candor.web;

import io.candor.store.Database;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mentions webhook under load, against the real jar ({@code candor serve}) in its own
 * process with an H2 file database: a sustained phase measures acknowledged mentions per
 * second (one mention per request, then 50 per request); a second phase kills the server
 * with SIGKILL mid-stream, then every mention that got a 2xx is looked up in the database.
 * Build the jar first, then run:
 * {@code mvn -B -o -q -DskipTests package && mvn -B -o -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.candor.web.WebhookBenchmark}
 */
public final class WebhookBenchmark {
    private static final String TOKEN = "bench-token";
    private static final int CLIENTS = Integer.getInteger("clients", 16);

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target", "candor.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("build the jar first: mvn -B -o -q -DskipTests package");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("candor-webhook-bench");
        Path cfgDir = Files.createDirectories(dir.resolve("config"));
        Files.writeString(cfgDir.resolve("candor.yaml"), "reminders: {enabled: false}\n");
        String db = dir.resolve("db").toString();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = start(jar, cfgDir.resolve("candor.yaml"), db, port, dir);
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        waitUntilUp(http, base);

        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicLong seq = new AtomicLong();
        run(port, acked, seq, 1, Duration.ofSeconds(3), null); // warm-up
        acked.clear();
        Result single = run(port, acked, seq, 1, Duration.ofSeconds(15), null);
        System.out.printf("sustained, 1 mention per request, %d clients: %,d acknowledged in %.1f s = %,.0f mentions/s (%d errors)%n",
                CLIENTS, single.acked, single.seconds, single.acked / single.seconds, single.errors);
        Result batched = run(port, acked, seq, 50, Duration.ofSeconds(10), null);
        System.out.printf("sustained, 50 mentions per request: %,d acknowledged in %.1f s = %,.0f mentions/s (%d errors)%n",
                batched.acked, batched.seconds, batched.acked / batched.seconds, batched.errors);

        // phase 2: SIGKILL in the middle of a stream of requests
        Result killed = run(port, acked, seq, 1, Duration.ofSeconds(6), () -> {
            sleep(3_000);
            server.destroyForcibly(); // SIGKILL on Linux
        });
        server.waitFor();
        System.out.printf("kill phase: %,d acknowledged before and around the SIGKILL, %d failed (connection lost)%n",
                killed.acked, killed.errors);

        Set<String> stored = new HashSet<>();
        try (Database d = Database.open(db); Connection c = d.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT platform, source_id FROM mentions")) {
            while (rs.next()) {
                stored.add(rs.getString(1) + "/" + rs.getString(2));
            }
        }
        long missing = acked.stream().filter(id -> !stored.contains(id)).count();
        System.out.printf("after restart: %,d rows in the database, %,d mentions acknowledged in total, %d acknowledged but missing%n",
                stored.size(), acked.size(), missing);
        System.out.println(missing == 0 ? "NOTHING LOST" : "LOST " + missing + " ACKNOWLEDGED MENTIONS");
        System.exit(missing == 0 ? 0 : 1);
    }

    record Result(long acked, long errors, double seconds) {
    }

    private static Result run(int port, Set<String> acked, AtomicLong seq, int perRequest,
                              Duration length, Runnable during) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Thread[] clients = new Thread[CLIENTS];
        long start = System.nanoTime();
        for (int t = 0; t < CLIENTS; t++) {
            clients[t] = new Thread(() -> {
                RawHttp conn = null;
                while (!stop.get()) {
                    StringBuilder body = new StringBuilder(perRequest > 1 ? "[" : "");
                    String[] ids = new String[perRequest];
                    for (int i = 0; i < perRequest; i++) {
                        long n = seq.incrementAndGet();
                        ids[i] = "x/" + n;
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append("{\"id\":\"").append(n).append("\",\"platform\":\"x\",\"author\":\"@user").append(n % 977)
                                .append("\",\"text\":\"Does the app work offline? Asking before our trip, message ")
                                .append(n).append("\",\"url\":\"https://x.com/u/status/").append(n).append("\"}");
                    }
                    if (perRequest > 1) {
                        body.append(']');
                    }
                    try {
                        if (conn == null) {
                            conn = new RawHttp("127.0.0.1", port);
                        }
                        int code = conn.post("/api/mentions", TOKEN, body.toString().getBytes(StandardCharsets.UTF_8));
                        if (code / 100 == 2) {
                            for (String id : ids) {
                                acked.add(id);
                            }
                            ok.addAndGet(perRequest);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                        closeQuietly(conn);
                        conn = null;
                        sleep(50);
                    }
                }
                closeQuietly(conn);
            });
            clients[t].start();
        }
        if (during != null) {
            during.run();
        }
        sleep(Math.max(0, length.toMillis() - (System.nanoTime() - start) / 1_000_000));
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        return new Result(ok.get(), errors.get(), (System.nanoTime() - start) / 1e9);
    }

    private static void closeQuietly(RawHttp c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private static Process start(Path jar, Path cfg, String db, int port, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--db", db, "--port", Integer.toString(port), "-c", cfg.toString());
        pb.environment().put("CANDOR_WEBHOOK_TOKEN", TOKEN);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        return pb.start();
    }

    private static void waitUntilUp(HttpClient http, String base) throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            sleep(100);
        }
        throw new IllegalStateException("candor serve did not come up");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
