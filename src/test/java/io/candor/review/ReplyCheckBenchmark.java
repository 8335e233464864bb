package io.candor.review;

import io.candor.learn.LabelledData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the reply check costs: real replies from ../shared/data/pairs reviewed with the
 * message they answer and without it, one thread, after warm-up (the sentence model loaded
 * once, WARM reviews on other texts first so that the JIT compiler is done, as in a bot that
 * has run a while). Messages are all different, so no meaning is reused from a cache; then each
 * reply is revised and checked again against its message, whose meaning is remembered. Not a
 * unit test; run with
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.candor.review.ReplyCheckBenchmark [-Dexec.args="N FILE WARM"]</pre>
 */
public final class ReplyCheckBenchmark {
    private ReplyCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path file = Path.of(args.length > 1 ? args[1] : "../shared/data/pairs/replies-reddit-dev.jsonl");
        if (!Files.isRegularFile(file)) {
            System.out.println("no " + file + ": nothing to measure");
            return;
        }
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<LabelledData.Row> all = LabelledData.read(file).stream().filter(r -> r.label().equals("answers")).toList();
        List<LabelledData.Row> rows = all.subList(0, Math.min(n, all.size()));
        Reviewer reviewer = Reviewer.withDefaults();
        long load = System.nanoTime();
        reviewer.review(Draft.of("warming up").withReplyTo("the sentence model loads here"));
        System.out.printf("sentence model loaded and first reply checked in %.0f ms%n", (System.nanoTime() - load) / 1e6);
        // warm-up on other texts (the replies after the measured ones, then the measured ones changed),
        // so that the JIT compiler has done its work: a bot answers for days in one process
        List<LabelledData.Row> warmRows = new ArrayList<>(all.subList(rows.size(), all.size()));
        warmRows.addAll(rows);
        for (int i = 0; i < warm; i++) {
            LabelledData.Row r = warmRows.get(i % warmRows.size());
            reviewer.review(Draft.of(r.text() + " (warm)").withReplyTo(r.replyTo() + " (warm " + i + ")"));
        }
        long[] with = new long[rows.size()];
        long[] without = new long[rows.size()];
        // process CPU, not thread CPU: the sentence model runs on ONNX Runtime's own threads
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < rows.size(); i++) {
            LabelledData.Row r = rows.get(i);
            long s = System.nanoTime();
            reviewer.review(new Draft(r.text(), List.of(), Optional.empty(), Writer.fromTool("bench", "", "")));
            without[i] = System.nanoTime() - s;
        }
        long cpu1 = os.getProcessCpuTime();
        long[] revised = new long[rows.size()];
        long revisedNanos = 0;
        for (int i = 0; i < rows.size(); i++) {
            LabelledData.Row r = rows.get(i);
            long s = System.nanoTime();
            reviewer.review(new Draft(r.text(), List.of(), Optional.of(r.replyTo()), Writer.fromTool("bench", "", "")));
            with[i] = System.nanoTime() - s;
            // the writer revises the draft and checks it again against the same message, whose meaning is remembered
            long t = System.nanoTime();
            reviewer.review(new Draft(r.text() + " Thanks!", List.of(), Optional.of(r.replyTo()), Writer.fromTool("bench", "", "")));
            revised[i] = System.nanoTime() - t;
            revisedNanos += revised[i];
        }
        long cpu2 = os.getProcessCpuTime();
        Arrays.sort(revised);
        Arrays.sort(with);
        Arrays.sort(without);
        System.out.printf("%d real replies, one thread: without reply_to p50 %.2f ms, p99 %.2f ms; with reply_to p50 %.2f ms, p99 %.2f ms%n",
                rows.size(), p(without, 0.5), p(without, 0.99), p(with, 0.5), p(with, 0.99));
        System.out.printf("process CPU a reply (every thread, JIT and GC included; with: wall time of the revisions taken out): without reply_to %.2f ms, with %.2f ms; "
                + "the reply check adds %.2f ms of CPU on average%n", (cpu1 - cpu0) / 1e6 / rows.size(),
                (cpu2 - cpu1 - revisedNanos) / 1e6 / rows.size(), ((cpu2 - cpu1 - revisedNanos) - (cpu1 - cpu0)) / 1e6 / rows.size());
        System.out.printf("a revised draft checked again against the same message: p50 %.2f ms, p99 %.2f ms; load average %.1f%n",
                p(revised, 0.5), p(revised, 0.99), os.getSystemLoadAverage());
    }

    private static double p(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }
}
