package io.candor.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Load on Slack's HTTP mode: 200 signed /coach commands, 50 in flight at a time, against the
 * real Bolt app on loopback. Every command must be acknowledged within Slack's 3 seconds
 * and reviewed exactly once; prints the p50/p99 acknowledgement time. Drafts are real
 * comments from ../shared/data/labelled/youtube-dev.jsonl when present.
 * <p>Run: {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.candor.slack.SlackAckBenchmark}; add {@code -Dslack.workers=N} to change the
 * review threads and {@code -Dslack.bench.tinyReviews=true} to take review CPU out of the picture.
 */
public final class SlackAckBenchmark {
    static final int COMMANDS = 200;
    static final int IN_FLIGHT = 50;

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> drafts = drafts();
        try (SlackRig rig = new SlackRig()) {
            warmUp(rig);
            rig.reviewed.clear();
            rig.slack.responses.clear();
            rig.handlerMicros.clear();
            ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
            List<Future<long[]>> acks = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < COMMANDS; i++) {
                String body = SlackRig.form(rig.command(drafts.get(i % drafts.size()), "load-" + i));
                acks.add(senders.submit(() -> {
                    long start = System.nanoTime();
                    int status = rawPost(rig, body);
                    return new long[] {status, System.nanoTime() - start};
                }));
            }
            List<Long> micros = new ArrayList<>();
            int notOk = 0;
            for (Future<long[]> f : acks) {
                long[] r = f.get();
                if (r[0] != 200) {
                    notOk++;
                }
                micros.add(r[1] / 1_000);
            }
            long ackedAllMs = (System.nanoTime() - t0) / 1_000_000;
            senders.shutdown();

            long deadline = System.nanoTime() + 60_000_000_000L;
            while (rig.slack.responses.size() < COMMANDS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long reviewedAllMs = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(500); // a duplicate review would show up here
            Map<String, Long> perCommand = rig.slack.responses.stream()
                    .collect(Collectors.groupingBy(SlackStandIn.Response::id, Collectors.counting()));
            long reviewedOnce = perCommand.values().stream().filter(n -> n == 1).count();
            long ephemeral = rig.slack.responses.stream().map(SlackStandIn.Response::body)
                    .filter(b -> b.path("response_type").asText().equals("ephemeral")).count();

            Collections.sort(micros);
            System.out.printf("Slack HTTP mode, %d signed /coach commands, %d in flight, %d review workers%n",
                    COMMANDS, IN_FLIGHT, new SlackSettings("", 0).workers());
            System.out.printf("ack time: p50 %.1f ms, p99 %.1f ms, max %.1f ms; over 3 s: %d; non-200: %d%n",
                    pct(micros, 50), pct(micros, 99), micros.get(micros.size() - 1) / 1000.0,
                    micros.stream().filter(m -> m > 3_000_000).count(), notOk);
            List<Long> inside = new ArrayList<>(rig.handlerMicros);
            Collections.sort(inside);
            System.out.printf("time inside Candor's handler: p50 %.1f ms, p99 %.1f ms%n", pct(inside, 50), pct(inside, 99));
            System.out.printf("all acked after %d ms; all reviewed after %d ms%n", ackedAllMs, reviewedAllMs);
            System.out.printf("reviews run: %d; commands answered exactly once: %d of %d; ephemeral answers: %d%n",
                    rig.reviewed.size(), reviewedOnce, COMMANDS, ephemeral);
            boolean ok = notOk == 0 && micros.get(micros.size() - 1) <= 3_000_000 && rig.reviewed.size() == COMMANDS
                    && reviewedOnce == COMMANDS && perCommand.size() == COMMANDS && ephemeral == COMMANDS;
            System.out.println(ok ? "PASS" : "FAIL");
            if (!ok) {
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /**
     * One signed POST on a fresh connection, as Slack sends it, written to a plain socket: the
     * JDK's HttpClient spent more CPU per request than the server it was measuring, and on a
     * 2-core machine that CPU came out of the acks.
     */
    static int rawPost(SlackRig rig, String body) throws java.io.IOException {
        long ts = java.time.Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.URI uri = rig.events();
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setTcpNoDelay(true);
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Slack-Request-Timestamp: " + ts
                    + "\r\nX-Slack-Signature: " + SlackRig.sign(SlackRig.SECRET, ts, body)
                    + "\r\nConnection: close\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            var out = socket.getOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes(); // the ack has arrived when Slack would see it
            String status = new String(answer, 0, Math.min(answer.length, 12), java.nio.charset.StandardCharsets.US_ASCII);
            return status.length() == 12 ? Integer.parseInt(status.substring(9, 12)) : -1;
        }
    }

    private static void warmUp(SlackRig rig) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> fs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fs.add(CompletableFuture.supplyAsync(sneaky(i2 -> rig.postForm(SlackRig.form(rig.command("warm up " + i2, "warm"))), i)));
        }
        fs.forEach(CompletableFuture::join);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (rig.slack.responses("warm").size() < 30 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private interface Io<T> {
        T apply(int i) throws Exception;
    }

    private static <T> java.util.function.Supplier<T> sneaky(Io<T> f, int i) {
        return () -> {
            try {
                return f.apply(i);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static double pct(List<Long> sortedMicros, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, idx)) / 1000.0;
    }

    private static List<String> drafts() throws Exception {
        Path data = Path.of("..", "shared", "data", "labelled", "youtube-dev.jsonl");
        if (!Files.isRegularFile(data)) {
            data = Path.of("/work/shared/data/labelled/youtube-dev.jsonl");
        }
        if (Files.isRegularFile(data)) {
            Function<String, String> text = line -> {
                try {
                    JsonNode n = SlackStandIn.JSON.readTree(line);
                    return n.path("text").asText();
                } catch (Exception e) {
                    return "";
                }
            };
            List<String> out = Files.readAllLines(data).stream().map(text)
                    .filter(t -> !t.isBlank() && !SlackListeners.isCommand(t)).limit(COMMANDS).toList();
            System.out.println("drafts: " + out.size() + " real comments from " + data);
            return out;
        }
        System.out.println("drafts: built-in (no ../shared/data)");
        return List.of(SlackHttpModeTest.DRAFT, "Thanks for the follow! Check out my channel",
                "Does anyone know if the 2.1 release works offline? Asking for our field team.",
                "We are hiring! The #1 best place to work, guaranteed. Link in bio");
    }
}
