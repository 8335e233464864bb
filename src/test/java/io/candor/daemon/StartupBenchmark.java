package io.candor.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * One {@code bin/candor review --text …} as a user runs it, a whole process each time, with a
 * running {@code candor daemon} and without one, interleaved, over real posts (each draft is
 * remembered in a database of the benchmark's own). Prints the wall-clock median, 90th
 * percentile and maximum of each, the time the daemon itself spent per review, its resident
 * memory after the runs and after 75 s unused, and the load average. Needs the jar ({@code mvn -DskipTests package}). Run:
 * {@code mvn -B -o -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.candor.daemon.StartupBenchmark -Dexec.args="40"}
 */
public final class StartupBenchmark {
    private static final Pattern SERVED = Pattern.compile("ran candor review \\(exit \\d+\\) in (\\d+) ms");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path posts = Path.of(args.length > 1 ? args[1] : "../shared/data/posts/real-posts.tsv.gz");
        Path launcher = Path.of("bin", "candor").toAbsolutePath();
        Path tmp = Files.createTempDirectory("candor-startup-bench");
        Path run = Files.createDirectories(tmp.resolve("run"));
        List<String> drafts = drafts(posts, runs);

        Process daemon = process(tmp, run, List.of("sh", launcher.toString(), "daemon")).start();
        List<Long> inDaemon = new CopyOnWriteArrayList<>();
        BufferedReader log = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = log.readLine()) != null && !line.contains("ready")) {
            // warming up
        }
        if (line == null) {
            throw new IllegalStateException("the daemon did not start");
        }
        Thread reader = new Thread(() -> {
            try {
                String l;
                while ((l = log.readLine()) != null) {
                    Matcher m = SERVED.matcher(l);
                    if (m.find()) {
                        inDaemon.add(Long.parseLong(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the daemon stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(20_000); // the daemon's compiler finishes what the warm-up queued
        // once each, untimed: the launcher's class-data archive and the database are made on first use
        timed(tmp, run, launcher, "A first review makes the database.");
        timed(tmp, tmp.resolve("no-daemon"), launcher, "A first review makes the database.");
        inDaemon.clear();
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                String text = drafts.get(i);
                with.add(timed(tmp, run, launcher, text));
                without.add(timed(tmp, tmp.resolve("no-daemon"), launcher, text));
            }
            long rss = rssKb(daemon.pid());
            Thread.sleep(75_000); // bin/candor's daemon hands its heap back after a minute unused
            long idleRss = rssKb(daemon.pid());
            System.out.printf("bin/candor review --text (real posts, remembered), %d runs each, interleaved, %d cores, load %s%n",
                    runs, Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.println("  with a daemon:    " + summary(with));
            System.out.println("  without:          " + summary(without));
            System.out.println("  inside the daemon: " + summary(new ArrayList<>(inDaemon)));
            System.out.printf("  daemon RSS: %d MB after the runs, %d MB after 75 s unused%n", rss / 1024, idleRss / 1024);
        } finally {
            daemon.destroy();
            daemon.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static ProcessBuilder process(Path tmp, Path runtime, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CANDOR_") || k.equals("JAVA_OPTS"));
        pb.environment().putAll(Map.of("XDG_RUNTIME_DIR", runtime.toString(), "XDG_DATA_HOME", tmp.resolve("data").toString()));
        return pb;
    }

    private static long timed(Path tmp, Path runtime, Path launcher, String text) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = process(tmp, runtime, List.of("sh", launcher.toString(), "review", "--text", text))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() > 1) {
            throw new IllegalStateException("review failed: exit " + p.exitValue());
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static List<String> drafts(Path posts, int n) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(posts)),
                StandardCharsets.UTF_8))) {
            r.readLine(); // header
            String l;
            while (out.size() < n && (l = r.readLine()) != null) {
                int tab = l.indexOf('\t');
                String text = l.substring(tab + 1).strip();
                if (!text.isEmpty() && !text.startsWith("-")) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    private static String summary(List<Long> ms) {
        if (ms.isEmpty()) {
            return "none";
        }
        List<Long> s = new ArrayList<>(ms);
        Collections.sort(s);
        return String.format("median %d ms, p90 %d ms, max %d ms (n=%d)", s.get(s.size() / 2),
                s.get((int) Math.ceil(0.9 * s.size()) - 1), s.get(s.size() - 1), s.size());
    }

    private static long rssKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
