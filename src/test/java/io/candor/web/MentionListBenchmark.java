package io.candor.web;

import io.candor.identity.PersonRef;
import io.candor.mention.model.MentionState;
import io.candor.store.Database;
import io.candor.store.MentionStore;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The open-mentions list at a large backlog: an H2 file database gets {@code -Dopen=100000}
 * open mentions (a tenth of them in progress, a third owned by one of 20 people) received after
 * as many older ones that were answered, then
 * <ul>
 *   <li>whole process: the real jar ({@code candor serve}) answers {@code GET /api/mentions?state=open}
 *       (the default page of 1,000, and 50), measured from the client on loopback;</li>
 *   <li>in process: the store's reads behind {@code mentions list}, {@code /coach mentions} and App Home
 *       (a person's own and the first unowned), and the reminder check {@code serve} makes every few
 *       minutes, for 20 people, while their reminders are due and once they are sent, with the bytes
 *       it allocates, beside reading every waiting mention as that check did before.</li>
 * </ul>
 * Prints p50/p99 and the load average. Build the jar first, then run:
 * {@code mvn -B -o -q -DskipTests package && mvn -B -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.candor.web.MentionListBenchmark}
 */
public final class MentionListBenchmark {
    private static final String TOKEN = "bench-token";

    public static void main(String[] args) throws Exception {
        int open = Integer.getInteger("open", 100_000);
        int requests = Integer.getInteger("requests", 500);
        Path jar = Path.of("target", "candor.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("build the jar first: mvn -B -o -q -DskipTests package");
            System.exit(2);
        }
        Path dir = System.getProperty("bench.dir") == null ? Files.createTempDirectory("candor-list-bench")
                : Files.createDirectories(Path.of(System.getProperty("bench.dir")));
        Path cfgDir = Files.createDirectories(dir.resolve("config"));
        Files.writeString(cfgDir.resolve("candor.yaml"), "reminders: {enabled: false}\n");
        String db = dir.resolve("db").toString();
        long t0 = System.nanoTime();
        if (Files.exists(dir.resolve("db.mv.db"))) {
            System.out.println("reusing the mentions in " + dir); // -Dbench.dir=DIR keeps them for the next run
        } else {
            try (Database d = Database.open(db)) {
                seed(d, open);
                new MentionStore(d).recountWaiting(); // the rows went in without the store: count them as it would have
            }
            System.out.printf("seeded %,d open and %,d answered mentions in %.1f s%n", open, open, (System.nanoTime() - t0) / 1e9);
        }

        // ids new to the database in every run, also when it is reused: a write that changes nothing
        // would let H2 answer the next read from its cache of the last result
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (Database d = Database.open(db)) {
            MentionStore store = new MentionStore(d);
            long[] seq = {0};
            Runnable write = () -> store.ingest(List.of(new io.candor.mention.model.NewMention("x", "new-" + run + "-" + seq[0]++, "@new",
                    "A new mention arrives while the list is read.", null, Instant.now(), Optional.empty(), null)), "bench", Instant.now(), m -> Optional.empty());
            List<MentionState> waiting = List.of(MentionState.OPEN, MentionState.IN_PROGRESS);
            time(requests, () -> store.listed(waiting, MentionStore.Whose.ANYONE, 1001)); // the JIT warms up
            time(requests, () -> store.unassigned(11));
            report("in process: mentions list (open, first 1,001)", time(requests, () -> store.listed(waiting, MentionStore.Whose.ANYONE, 1001), write));
            report("in process: mentions list --assignee person-6 (first 1,001)",
                    time(requests, () -> store.listed(waiting, MentionStore.Whose.of(PersonRef.named("person-6")), 1001), write));
            report("in process: /coach mentions and App Home (a person's own, " + store.countWaiting(MentionStore.Whose.of(
                    PersonRef.named("person-6"))) + ", the first 50 read and the rest counted, then the first 11 unowned)",
                    time(requests, () -> mine(store, MentionStore.Whose.of(PersonRef.named("person-6"))), write));
            // a founder who owns every mention: as many as nobody owns here
            report("in process: the same for a person who owns " + store.countWaiting(MentionStore.Whose.NOBODY),
                    time(requests, () -> mine(store, MentionStore.Whose.NOBODY), write));
            // what the reminder check read until this change: every waiting mention, text included
            Supplier<Object> everyOne = () -> store.listed(waiting, MentionStore.Whose.ANYONE, Integer.MAX_VALUE);
            report("in process, for comparison: reading every waiting mention (the reminder check until this change)",
                    time(Math.max(5, requests / 50), everyOne, write));
            System.out.printf("  allocates %,d bytes a read%n", allocated(everyOne));
        }
        remindersCheck(db, requests);

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--db", db, "--port", Integer.toString(port), "-c",
                cfgDir.resolve("candor.yaml").toString());
        pb.environment().put("CANDOR_WEBHOOK_TOKEN", TOKEN);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        Process server = pb.start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            waitUntilUp(http, base);
            for (String query : List.of("state=open", "state=open&limit=50")) {
                HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/mentions?" + query))
                        .header("Authorization", "Bearer " + TOKEN).build();
                Supplier<Object> call = () -> {
                    try {
                        HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + r.statusCode());
                        }
                        return r.body();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
                long[] seq = {0};
                Runnable post = () -> {
                    try {
                        http.send(HttpRequest.newBuilder(URI.create(base + "/api/mentions"))
                                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"platform\": \"x\", \"id\": \"p" + run + "-" + query.length() + "-" + seq[0]++
                                        + "\", \"author\": \"@new\", \"text\": \"A new mention arrives while the list is read.\"}"))
                                .build(), HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
                // the server's JIT warms up: a server runs for days, and its first few hundred
                // requests measure the compiler (-Dwarmup=100 shows them)
                time(Integer.getInteger("warmup", 1_000), call, post);
                report("whole process: GET /api/mentions?" + query + " (a new mention posted before each)", time(requests, call, post));
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
        System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** Rows written straight into the table, in batches: the store's one-transaction-a-mention ingest would take minutes. */
    private static void seed(Database d, int open) throws java.sql.SQLException {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (java.sql.Connection c = d.connection();
             java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO mentions (platform, source_id, author, text,"
                     + " received_at, assignee, state, created_at, answered_at) VALUES ('x', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int k = 0; k < 2 * open; k++) {
                java.time.OffsetDateTime at = start.plusSeconds(k * 7L).atOffset(java.time.ZoneOffset.UTC);
                boolean answered = k < open; // as in a real backlog: the older half answered, the newer half waiting
                ps.setString(1, "m" + k);
                ps.setString(2, "@someone" + (k % 997));
                ps.setString(3, "Hello there, mention number " + k + " asks whether the shop opens on Sunday.");
                ps.setObject(4, at);
                ps.setString(5, k % 3 == 0 ? "person-" + (k % 20) : null);
                ps.setString(6, answered ? "answered" : k % 20 == 0 ? "in_progress" : "open");
                ps.setObject(7, at);
                ps.setObject(8, answered ? at.plusHours(2) : null);
                ps.addBatch();
                if (k % 1000 == 999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /**
     * The reminder check as {@code candor serve} runs it every few minutes, for 20 people on Slack
     * and a summary channel, all due: while their reminders are due (counts, then each DM's
     * lines), and once they are sent (the checks until the next morning).
     */
    private static void remindersCheck(String db, int requests) throws Exception {
        StringBuilder yaml = new StringBuilder("people:\n");
        for (int p = 0; p < 20; p++) {
            yaml.append("  - {name: person-").append(p).append(", slack: U").append(p).append("}\n");
        }
        yaml.append("reminders: {zone: UTC, time: \"00:00\", day_starts: \"00:00\", day_ends: \"23:59\","
                + " weekdays: [mon, tue, wed, thu, fri, sat, sun], summary: {surface: slack, team: T1, channel: C1}}\n");
        Instant now = Instant.now();
        try (io.candor.TestTeam team = io.candor.TestTeam.onDatabase(yaml.toString(), now, db)) {
            try (var c = team.db.connection(); var st = c.createStatement()) {
                st.execute("DELETE FROM sent_reminders"); // a run before this one sent today's
            }
            MentionStore store = team.m.store();
            long[] seq = {0};
            Runnable write = () -> store.ingest(List.of(new io.candor.mention.model.NewMention("x", "rem" + System.nanoTime() + seq[0]++,
                    "@new", "A new mention arrives between two checks.", null, now, Optional.empty(), null)), "bench", now, m -> Optional.empty());
            io.candor.remind.ReminderService service = team.reminders();
            Supplier<Object> check = () -> service.due(now, false);
            time(Math.max(20, requests / 10), check); // the JIT warms up
            report("in process: the reminder check while 21 reminders are due (counts, then 20 lines for each DM, 10 for the summary)",
                    time(Math.max(20, requests / 10), check, write));
            System.out.printf("  allocates %,d bytes a check%n", allocated(check));
            System.out.printf("  sent %d reminders%n", service.runDue(now).size());
            time(requests, check);
            report("in process: the reminder check once they are sent (every check until the next morning)",
                    time(requests, check, write));
            System.out.printf("  allocates %,d bytes a check%n", allocated(check));
        }
    }

    private static double[] time(int n, Supplier<Object> call) {
        return time(n, call, () -> { });
    }

    /** @param between untimed, before each call: a write, so the database cannot answer from its cache of the last result */
    private static double[] time(int n, Supplier<Object> call, Runnable between) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            between.run();
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    /** What MentionTracker.mine reads: the first 50 of someone's own, their count when there are more, 11 unowned. */
    private static Object mine(MentionStore store, MentionStore.Whose whose) {
        List<MentionState> waiting = List.of(MentionState.OPEN, MentionState.IN_PROGRESS);
        List<?> own = store.listed(waiting, whose, 50);
        int count = own.size() < 50 ? own.size() : store.countWaiting(whose);
        return List.of(own, count, store.unassigned(11));
    }

    /** Bytes the calling thread allocates in one call (after a first call, so class loading is not counted). */
    private static long allocated(Supplier<Object> call) {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        call.get();
        long before = threads.getCurrentThreadAllocatedBytes();
        call.get();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d calls; load %s)%n", what, s[s.length / 2],
                s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)], s[s.length - 1], s.length, load());
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void waitUntilUp(HttpClient http, String base) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("candor serve did not come up");
    }

    private MentionListBenchmark() {
    }
}
