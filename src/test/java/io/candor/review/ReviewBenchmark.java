package io.candor.review;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Review speed on real short posts, one thread: texts per second and latency percentiles
 * per text, after a warm-up. Not a unit test (timing never is); run it with
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.candor.review.ReviewBenchmark [-Dexec.args="10000"] [-Dplatforms=linkedin,x]</pre>
 */
public final class ReviewBenchmark {
    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path file = Path.of(args.length > 1 ? args[1] : "../shared/data/posts/real-posts.tsv.gz");
        if (!Files.isRegularFile(file)) {
            System.out.println("no " + file + ": nothing to measure");
            return;
        }
        List<String> texts = new ArrayList<>(n);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line; texts.size() < n && (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                String t = tab < 0 ? line : line.substring(tab + 1);
                if (!t.isBlank()) {
                    texts.add(t);
                }
            }
        }
        // -Dplatforms=linkedin,x: each draft says where it is going, as a draft in Slack or Discord
        // often does, so the rules about one network's habits on another run too
        List<io.candor.platform.Platform> on = Arrays.stream(System.getProperty("platforms", "").split(","))
                .filter(p -> !p.isBlank()).map(p -> io.candor.platform.Platform.find(p.strip()).orElseThrow(
                        () -> new IllegalArgumentException("unknown platform " + p))).toList();
        java.util.function.Function<String, Draft> draft = t -> Draft.of(t).withPlatforms(on);
        long t0 = System.nanoTime();
        Reviewer reviewer = Reviewer.withDefaults();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        for (int round = 0; round < 3; round++) { // warm-up: let the JIT see every rule
            for (String t : texts) {
                reviewer.review(draft.apply(t));
            }
        }
        long[] nanos = new long[texts.size()];
        int findings = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            long s = System.nanoTime();
            findings += reviewer.review(draft.apply(texts.get(i))).findings().size();
            nanos[i] = System.nanoTime() - s;
        }
        long total = System.nanoTime() - start;
        long cpuTotal = cpu.getCurrentThreadCpuTime() - cpuStart;
        Arrays.sort(nanos);
        double perSecond = texts.size() / (total / 1e9);
        System.out.printf("reviewed %d real posts on one thread: %.0f texts/s; per text p50 %.1f µs, p99 %.1f µs, max %.1f µs;"
                        + " %d findings; rules loaded in %d ms%n", texts.size(), perSecond,
                nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3, nanos[nanos.length - 1] / 1e3,
                findings, loadMs);
        System.out.printf("CPU time: %.0f texts per CPU-second (%.1f µs of CPU a text on average); wall time above%n",
                texts.size() / (cpuTotal / 1e9), cpuTotal / 1e3 / texts.size());
    }
}
