package io.candor.cli;

import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import io.candor.identity.SurfaceKind;
import io.candor.review.Draft;
import io.candor.store.Backend;
import io.candor.store.Database;
import io.candor.store.PostgresServer;
import io.candor.web.RawHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * One against two {@code candor serve} instances on one PostgreSQL (started by the test helper,
 * as {@code nobody}). Webhook: the real jar in its own processes, 16 keep-alive clients split
 * over the instances as a load balancer with sticky connections would, one mention per request
 * and then 50; afterwards every acknowledged mention is counted in the database. Reviews: full
 * instances in this JVM (each its own pool, history index and refresh), four threads split
 * over them, each review compared with the history and remembered (an INSERT). Build the jar
 * first:
 * {@code mvn -B -o -q -DskipTests package && mvn -B -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.candor.cli.MultiInstanceBenchmark}
 */
public final class MultiInstanceBenchmark {
    private static final String TOKEN = "bench-token";
    private static final int CLIENTS = Integer.getInteger("clients", 16);
    private static final int REVIEW_THREADS = Integer.getInteger("reviewThreads", 4);
    private static final int SECONDS = Integer.getInteger("seconds", 15);
    private static boolean lagMeasured;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target", "candor.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("build the jar first: mvn -B -o -q -DskipTests package");
            System.exit(2);
        }
        System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).strip());
        PostgresServer.shared();
        String parts = System.getProperty("parts", "webhook,reviews");
        if (parts.contains("webhook")) {
            for (int n : new int[] {1, 2}) {
                webhook(jar, n);
            }
        }
        if (parts.contains("reviews")) {
            List<String> texts = texts();
            // alternated: the JIT is warmer in later runs, so one order alone would flatter whichever comes last
            for (int n : new int[] {1, 2, 1, 2}) {
                reviews(n, texts);
            }
        }
        System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).strip());
        System.exit(0);
    }

    // ---- webhook, real processes --------------------------------------------------------

    private static void webhook(Path jar, int instances) throws Exception {
        String db = Backend.POSTGRES.freshUrl();
        Path dir = Files.createTempDirectory("candor-multi-bench");
        Path cfg = Files.createDirectories(dir.resolve("config")).resolve("candor.yaml");
        Files.writeString(cfg, "reminders: {enabled: false}\n");
        List<Process> servers = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                int port;
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", jar.toString(), "serve", "--db", db, "--port", Integer.toString(port), "-c", cfg.toString());
                pb.environment().put("CANDOR_WEBHOOK_TOKEN", TOKEN);
                pb.redirectErrorStream(true).redirectOutput(dir.resolve("server-" + i + ".log").toFile());
                servers.add(pb.start());
                ports.add(port);
            }
            HttpClient http = HttpClient.newHttpClient();
            for (int port : ports) {
                awaitReady(http, "http://127.0.0.1:" + port);
            }
            AtomicLong seq = new AtomicLong();
            post(ports, seq, 1, Duration.ofSeconds(3)); // warm-up
            long[] one = post(ports, seq, 1, Duration.ofSeconds(SECONDS));
            long[] fifty = post(ports, seq, 50, Duration.ofSeconds(10));
            long stored;
            try (Database d = Database.open(db); Connection c = d.connection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM mentions")) {
                rs.next();
                stored = rs.getLong(1);
            }
            System.out.printf("webhook, %d instance(s), %d clients: 1 mention per request %,.0f mentions/s (%d errors);"
                            + " 50 per request %,.0f mentions/s (%d errors); %,d rows stored for %,d sent%n",
                    instances, CLIENTS, one[0] / (one[2] / 1e9), one[1], fifty[0] / (fifty[2] / 1e9), fifty[1],
                    stored, seq.get());
        } finally {
            for (Process p : servers) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    /** Returns {acknowledged, errors, nanos}; client t talks to instance t % n on one keep-alive connection. */
    private static long[] post(List<Integer> ports, AtomicLong seq, int perRequest, Duration length) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < CLIENTS; t++) {
            int port = ports.get(t % ports.size());
            Thread c = new Thread(() -> {
                RawHttp conn = null;
                while (!stop.get()) {
                    StringBuilder body = new StringBuilder(perRequest > 1 ? "[" : "");
                    for (int i = 0; i < perRequest; i++) {
                        long n = seq.incrementAndGet();
                        body.append(i > 0 ? "," : "").append("{\"id\":\"").append(n)
                                .append("\",\"platform\":\"x\",\"author\":\"@user").append(n % 977)
                                .append("\",\"text\":\"Does the app work offline? Asking before our trip, message ")
                                .append(n).append("\"}");
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
                            ok.addAndGet(perRequest);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                        conn = null;
                    }
                }
                try {
                    if (conn != null) {
                        conn.close();
                    }
                } catch (IOException ignored) {
                    // done anyway
                }
            });
            c.start();
            clients.add(c);
        }
        Thread.sleep(length.toMillis());
        stop.set(true);
        for (Thread c : clients) {
            c.join();
        }
        return new long[] {ok.get(), errors.get(), System.nanoTime() - start};
    }

    private static void awaitReady(HttpClient http, String base) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(base + " did not become ready");
    }

    // ---- reviews, full instances in this JVM --------------------------------------------

    private static void reviews(int instances, List<String> texts) throws Exception {
        String db = Backend.POSTGRES.freshUrl();
        List<InstanceRig> rigs = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                rigs.add(new InstanceRig("reminders: {enabled: false}\n", db, Clock.systemUTC(), "bench-" + i));
            }
            AtomicLong next = new AtomicLong();
            run(rigs, texts, next, Duration.ofSeconds(10)); // warm-up: JIT, pools
            long[] r = run(rigs, texts, next, Duration.ofSeconds(SECONDS));
            long copiesSeenAcross = rigs.stream().mapToLong(x -> x.instance.history().indexed()).sum();
            System.out.printf("reviews, %d instance(s), %d threads: %,.0f reviews/s, each compared with the history and"
                            + " remembered (%d failed); index sizes summed over instances %,d%n",
                    instances, REVIEW_THREADS, r[0] / (r[2] / 1e9), r[1], copiesSeenAcross);
            if (instances == 2 && !lagMeasured) {
                lagMeasured = true;
                lag(rigs.get(0), rigs.get(1));
            }
        } finally {
            for (InstanceRig rig : rigs) {
                rig.close();
            }
        }
    }

    /**
     * How long after one instance remembers a post the other's index holds it (refresh every
     * second by default), and what a refresh costs when there is nothing new.
     */
    private static void lag(InstanceRig a, InstanceRig b) throws InterruptedException {
        ChatUser writer = ChatUser.of(SurfaceKind.SLACK, "T1", "ULAG", "lag");
        long[] lags = new long[40];
        for (int i = 0; i < lags.length; i++) {
            int before = b.instance.history().indexed();
            a.instance.bot().review(writer, Draft.of("Lag probe " + i + " " + System.nanoTime()
                    + ": our spring collection is live with forty new pieces made in Portugal"));
            long t0 = System.nanoTime();
            while (b.instance.history().indexed() <= before) {
                Thread.sleep(1);
            }
            lags[i] = System.nanoTime() - t0;
            Thread.sleep((long) (Math.random() * 300));
        }
        java.util.Arrays.sort(lags);
        int n = 2_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            b.instance.history().refresh();
        }
        double refreshMicros = (System.nanoTime() - t0) / 1e3 / n;
        System.out.printf("a post remembered by one instance is in the other's index after p50 %.0f ms, max %.0f ms"
                        + " (refresh_every_ms 1000); a refresh with nothing new costs %.0f µs%n",
                lags[lags.length / 2] / 1e6, lags[lags.length - 1] / 1e6, refreshMicros);
    }

    private static long[] run(List<InstanceRig> rigs, List<String> texts, AtomicLong next, Duration length)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < REVIEW_THREADS; t++) {
            InstanceRig rig = rigs.get(t % rigs.size());
            ChatUser user = ChatUser.of(SurfaceKind.SLACK, "T1", "U" + t, "writer" + t);
            Thread th = new Thread(() -> {
                while (!stop.get()) {
                    String text = texts.get((int) (next.getAndIncrement() % texts.size()));
                    Reply r = rig.instance.bot().review(user, Draft.of(text));
                    if (r instanceof Reply.ReviewResult rr
                            && rr.review().notes().stream().noneMatch(n -> n.contains("could not be added to the history"))) {
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        Thread.sleep(length.toMillis());
        stop.set(true);
        for (Thread th : threads) {
            th.join();
        }
        return new long[] {done.get(), failed.get(), System.nanoTime() - start};
    }

    /** Real posts from the shared data when present, else generated ones. */
    private static List<String> texts() throws IOException {
        Path file = Path.of("../shared/data/posts/real-posts.tsv.gz");
        List<String> out = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                for (String line; out.size() < 50_000 && (line = r.readLine()) != null; ) {
                    int tab = line.indexOf('\t');
                    String t = tab < 0 ? line : line.substring(tab + 1);
                    if (t.split("\\s+").length >= 5) {
                        out.add(t);
                    }
                }
            }
            System.out.println("reviewing " + out.size() + " real posts from " + file);
            return out;
        }
        for (int i = 0; i < 50_000; i++) {
            out.add("Post " + i + ": our team shipped version " + (i % 97) + " of the app with offline maps and "
                    + (i % 13) + " fixes");
        }
        System.out.println("no " + file + ": reviewing generated posts");
        return out;
    }
}
