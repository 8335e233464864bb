package io.candor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/candor}'s own choices of JVM options (a quick JIT for short commands; more compiler
 * threads and a throughput collector for batches) change how fast a command runs, never what it
 * prints, and give way to the user's {@code JAVA_OPTS}. Runs the built jar (after {@code package}).
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin", "candor").toAbsolutePath();
    private static final Path JAR = Path.of("target", "candor.jar").toAbsolutePath();

    @TempDir
    Path tmp;

    record Ran(int exit, String out) {
    }

    private Ran run(Map<String, String> extraEnv, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CANDOR_") || k.equals("JAVA_OPTS"));
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Ran(p.exitValue(), out);
    }

    private Path drafts() throws IOException {
        return Files.writeString(tmp.resolve("drafts.jsonl"), """
                {"id":"1","text":"Check out our new app, link in bio!"}
                {"id":"2","text":"Thanks for the detailed bug report: the fix ships in 2.3 on Monday."}
                {"id":"3","text":"Use code SAVE20 for 20% off everything in the shop!","reply_to":"When does the store open on Saturday?"}
                """);
    }

    @Test
    void aBatchThroughTheLauncherPrintsWhatThePlainJarPrints() throws Exception {
        List<String> args = List.of("review", "--batch", drafts().toString(), "--format", "json", "--no-remember",
                "--db", "jdbc:h2:mem:launcher");
        Ran plain = run(Map.of(), concat(List.of("java", "-jar", JAR.toString()), args));
        Ran launched = run(Map.of("CANDOR_JAR", JAR.toString()), concat(List.of("sh", LAUNCHER.toString()), args));
        assertThat(plain.exit()).as(plain.out()).isZero();
        assertThat(launched.exit()).as(launched.out()).isZero();
        assertThat(launched.out()).isEqualTo(plain.out()).contains("\"id\":\"3\"");
    }

    @Test
    void aCollectorInJavaOptsReplacesTheLaunchersInShortAndLongCommands() throws Exception {
        // the JVM refuses to start with two collectors: the user's must be the only one
        Ran version = run(Map.of("JAVA_OPTS", "-XX:+UseG1GC", "CANDOR_JAR", JAR.toString()),
                List.of("sh", LAUNCHER.toString(), "--version"));
        assertThat(version.exit()).as(version.out()).isZero();
        assertThat(version.out()).startsWith("candor ");

        Ran batch = run(Map.of("JAVA_OPTS", "-XX:+UseSerialGC", "CANDOR_JAR", JAR.toString()),
                List.of("sh", LAUNCHER.toString(), "review", "--batch", drafts().toString(), "--format", "json",
                        "--no-remember", "--db", "jdbc:h2:mem:launcher"));
        assertThat(batch.exit()).as(batch.out()).isZero();
        assertThat(batch.out().lines().filter(l -> l.startsWith("{"))).hasSize(3);
    }

    @Test
    void theFirstRunMakesTheClassArchiveInAScratchFolderItDeletesAndLaterReviewsLoadTheDatabaseFileClassesFromIt()
            throws Exception {
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        Map<String, String> env = Map.of("CANDOR_JAR", JAR.toString(), "TMPDIR", scratch.toString());
        Ran version = run(env, List.of("sh", LAUNCHER.toString(), "--version"));
        assertThat(version.exit()).as(version.out()).isZero();
        assertThat(version.out()).startsWith("candor ").doesNotContain("Warming");
        try (var archives = Files.list(tmp.resolve("cache").resolve("candor"))) {
            assertThat(archives.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".jsa");
        }
        try (var left = Files.list(scratch); var here = Files.list(tmp)) {
            assertThat(left).as("the warm-up's scratch folder is deleted").isEmpty();
            assertThat(here.map(p -> p.getFileName().toString())).as("nothing written where the command ran")
                    .containsOnly("cache", "scratch");
        }
        // a review remembered in a database file: H2's file store and the history's rows come from
        // the archive, not the jar (a warm-up against a database in memory loads neither)
        Path log = tmp.resolve("classes.log");
        Ran review = run(Map.of("CANDOR_JAR", JAR.toString(), "JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
                List.of("sh", LAUNCHER.toString(), "review", "--db", tmp.resolve("team").toString(), "--text",
                        "Our new app is out today!"));
        assertThat(review.exit()).as(review.out()).isIn(0, 1);
        List<String> loaded = Files.readAllLines(log);
        for (String type : List.of("org.h2.mvstore.FreeSpaceBitSet", "io.candor.store.HistoryRow")) {
            assertThat(loaded).filteredOn(l -> l.contains(" " + type + " ")).singleElement().asString()
                    .contains("shared objects file");
        }
    }

    @Test
    void whenTheArchiveCannotBeMadeTheCommandRunsAnywayAndTheLauncherDoesNotTryAgainForThisBuild() throws Exception {
        Ran first = run(Map.of("CANDOR_JAR", JAR.toString(), "TMPDIR", tmp.resolve("no-such-folder").toString()),
                List.of("sh", LAUNCHER.toString(), "--version"));
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).startsWith("candor ");
        Path cache = tmp.resolve("cache").resolve("candor");
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".none");
        }
        // a scratch folder would be there now, but this build is not warmed up again
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        Ran second = run(Map.of("CANDOR_JAR", JAR.toString(), "TMPDIR", scratch.toString()),
                List.of("sh", LAUNCHER.toString(), "--version"));
        assertThat(second.out()).isEqualTo(first.out());
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".jsa"));
        }
    }

    /** {@code bin/candor daemon} in the test's folder, its socket under {@code run}, once it says it is ready. */
    private Process daemon(Path run, java.io.BufferedReader[] log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", LAUNCHER.toString(), "daemon", "--warm-up", "3")
                .directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CANDOR_") || k.equals("JAVA_OPTS"));
        pb.environment().putAll(Map.of("HOME", tmp.toString(), "XDG_CACHE_HOME", tmp.resolve("cache").toString(),
                "XDG_RUNTIME_DIR", run.toString(), "CANDOR_JAR", JAR.toString()));
        Process daemon = pb.start();
        log[0] = new java.io.BufferedReader(new java.io.InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = log[0].readLine()) != null && !line.contains("ready")) {
            assertThat(line).startsWith("candor daemon: ");
        }
        assertThat(line).as("the daemon's ready line").isNotNull().contains(run.toString());
        return daemon;
    }

    @Test
    void aReviewHandedToTheDaemonPrintsWhatItsOwnProcessPrintsAndTheDaemonStopsCleanly() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("run"));
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", run.toString(), "CANDOR_JAR", JAR.toString());
        List<String> launcher = List.of("sh", LAUNCHER.toString());
        java.io.BufferedReader[] log = new java.io.BufferedReader[1];
        Process daemon = daemon(run, log);
        try {
            Ran status = run(env, concat(launcher, List.of("daemon", "--status")));
            assertThat(status.exit()).as(status.out()).isZero();
            assertThat(status.out()).contains("is running");

            List<String> args = List.of("review", "--db", tmp.resolve("team").toString(), "--fail-on", "hint",
                    "--text", "Check out our new app, link in bio!");
            Ran handed = run(env, concat(launcher, args));
            assertThat(log[0].readLine()).startsWith("candor daemon: ran candor review (exit 1) in ");
            Ran alone = run(Map.of("XDG_RUNTIME_DIR", tmp.resolve("no-daemon").toString()),
                    concat(List.of("java", "-jar", JAR.toString()), args));
            assertThat(handed.exit()).isEqualTo(alone.exit()).isEqualTo(1);
            assertThat(handed.out()).isEqualTo(alone.out()).contains("pitch.self-promo");

            // --stop from anywhere: the daemon sees its socket gone and exits
            Ran stop = run(env, concat(launcher, List.of("daemon", "--stop")));
            assertThat(stop.exit()).as(stop.out()).isZero();
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(daemon.exitValue()).isZero();
            assertThat(run(env, concat(launcher, List.of("daemon", "--status"))).exit()).isEqualTo(1);
            assertThat(run(env, concat(launcher, args)).out()).isEqualTo(alone.out());

            daemon = daemon(run, log);
            daemon.destroy(); // SIGTERM, as Ctrl-C or a service manager stops it
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (var left = Files.list(run.resolve("candor"))) {
                assertThat(left.filter(p -> p.toString().endsWith(".sock"))).isEmpty();
            }
        } finally {
            daemon.destroyForcibly();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
