package io.candor.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The slowest drafts a user (or an attacker) can send: 40,000 characters of one symbol or
 * one short unit repeated, the shapes that once took seconds. Prints each one's review time
 * (best and worst of five, after warm-up) and the worst overall, against the 20 ms target.
 * Not a unit test (timing never is); run with
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.candor.review.PathologicalDraftsBenchmark</pre>
 */
public final class PathologicalDraftsBenchmark {
    static final String[] UNITS = {"!", "a", "😀", "$", "1", "@", "#", ".", " ", "a ", "ab ", "http://", "www.", "@a ",
        "#a ", "1 ", "$1 ", "check out my ", "i ", "!!! ", "x.com/ ", "a.", "1/", "\n", "\n\n", "?", "-", "'", "é", "ß",
        "ǅ", "\u200b", "a\u200b", ":)", "<3 ", "0x", "t.me/", "@a.b ", "_", "a_", "1,", "1.", "£", "%", "call 0",
        "txt a to 1", "you have won ", "i made $1 ", "subscribe ", "like if you ", "🚀", "\uD83D", "ＡＢ"};

    private PathologicalDraftsBenchmark() {
    }

    public static void main(String[] args) {
        Reviewer reviewer = Reviewer.withDefaults();
        List<String> drafts = new ArrayList<>();
        for (String u : UNITS) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() + u.length() <= 40_000) {
                sb.append(u);
            }
            drafts.add(sb.toString());
        }
        for (int round = 0; round < 3; round++) { // warm-up
            drafts.forEach(d -> reviewer.review(Draft.of(d)));
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall clock also
        // counts the time other processes held the core
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double worst = 0;
        String worstUnit = "";
        for (int i = 0; i < drafts.size(); i++) {
            long[] ns = new long[5];
            long[] cpuNs = new long[5];
            for (int k = 0; k < ns.length; k++) {
                long c = cpu.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                reviewer.review(Draft.of(drafts.get(i)));
                ns[k] = System.nanoTime() - s;
                cpuNs[k] = cpu.getCurrentThreadCpuTime() - c;
            }
            Arrays.sort(ns);
            Arrays.sort(cpuNs);
            System.out.printf("%-16s cpu best %6.1f ms; wall best %6.1f ms, worst %6.1f ms%n",
                    "\"" + UNITS[i].replace("\n", "\\n") + "\"", cpuNs[0] / 1e6, ns[0] / 1e6, ns[4] / 1e6);
            if (cpuNs[0] / 1e6 > worst) {
                worst = cpuNs[0] / 1e6;
                worstUnit = UNITS[i];
            }
        }
        System.out.printf("slowest 40,000-character draft: %.1f ms of CPU (\"%s\" repeated); target 20 ms%n", worst,
                worstUnit.replace("\n", "\\n"));
    }
}
