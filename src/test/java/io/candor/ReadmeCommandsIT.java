package io.candor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every block of plain commands in the README and the pages under {@code docs/}, copied out and
 * run with the built jar through {@code bin/candor}, in an empty folder with an empty home, as a
 * newcomer types them (runs after {@code package}, in {@code mvn verify}). A block of plain
 * commands starts with {@code bin/candor}, {@code printf} or {@code mvn} (the build this test runs
 * in, skipped), or is a terminal chat session; wherever a section moves, its blocks still run.
 * Left to other tests: blocks that start or call a server ({@code serve}, {@code curl}:
 * ServeProcessTest; {@code daemon}: LauncherIT), benchmarks ({@code exec:}), and commands that need the shared data set
 * ({@code ../shared/data}, absent on a clean clone: HeldOutQualityTest).
 */
class ReadmeCommandsIT {
    private static final String TRY_IT = "## Try it";
    private static final String TERMINAL = "## Mentions, reminders and the terminal chat";
    private static final Path LAUNCHER = Path.of("bin", "candor").toAbsolutePath();
    private static final Pattern COMMAND = Pattern.compile("(bin/candor|printf|mvn) .*");

    @TempDir
    static Path tmp;
    private static Path work;
    private static Map<String, String> env;

    record Ran(String where, String command, int exit, String out) {
    }

    @BeforeAll
    static void emptyFolderAndHome() throws IOException {
        work = Files.createDirectories(tmp.resolve("work"));
        env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("CANDOR_") || k.startsWith("XDG_") || k.startsWith("SLACK_")
                || k.equals("DISCORD_TOKEN") || k.equals("JAVA_OPTS"));
        // only $HOME says where the data folder is, as for a newcomer without XDG variables
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.put("NO_COLOR", "1");
        assertThat(Path.of("target", "candor.jar")).as("the jar mvn package built").exists();
    }

    private static Ran run(String where, String command, String stdin) throws Exception {
        // the docs say bin/candor from the clone; here the folder is empty, so the same launcher by its full path
        String line = command.replaceFirst("^bin/candor", LAUNCHER.toString().replace("\\", "/"))
                .replace(" bin/candor ", " " + LAUNCHER + " ");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", line).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(command).isTrue();
        return new Ran(where, command, p.exitValue(), out);
    }

    /** Why a block is not run here, or null when it is a block of plain commands to run. */
    private static String leftToOthers(List<String> block) {
        if (block.stream().anyMatch(l -> l.contains(" serve") || l.contains(" daemon") || l.startsWith("curl"))) {
            return "a server";
        }
        if (block.stream().anyMatch(l -> l.contains("exec:"))) {
            return "a benchmark";
        }
        if (block.stream().anyMatch(l -> l.contains("../shared/data"))) {
            return "the shared data set";
        }
        return null;
    }

    private static boolean isCommandBlock(List<String> block) {
        return ReadmeBlocks.isChatSession(block) || COMMAND.matcher(block.get(0)).matches();
    }

    /** Runs every block of plain commands of every page, in page order; returns what each command printed. */
    private static List<Ran> runAll() throws Exception {
        List<Ran> ran = new ArrayList<>();
        for (ReadmeBlocks.Block b : ReadmeBlocks.all()) {
            List<String> block = b.lines();
            if (block.isEmpty() || !isCommandBlock(block) || leftToOthers(block) != null) {
                continue;
            }
            String where = b.page() + ", " + b.heading();
            if (ReadmeBlocks.isChatSession(block)) {
                ran.add(run(where, block.get(0), String.join("\n", ReadmeBlocks.typed(block)) + "\n"));
                continue;
            }
            for (String line : block) {
                assertThat(line).as("a command in " + where).matches(COMMAND);
                if (line.startsWith("mvn ")) {
                    continue; // the build this test runs in
                }
                ran.add(run(where, line, ""));
            }
        }
        for (Ran r : ran) {
            assertThat(r.exit()).as(r.where() + ": " + r.command() + " printed:\n" + r.out()).isZero();
            assertThat(r.out()).as(r.where() + ": " + r.command()).doesNotContain("Exception").doesNotContain("Unknown command")
                    .doesNotContain("Unknown option").doesNotContain("is not a time").doesNotContain("not found");
        }
        return ran;
    }

    private static Ran find(List<Ran> ran, String command) {
        return ran.stream().filter(r -> r.command().startsWith(command)).findFirst()
                .orElseThrow(() -> new AssertionError("the docs no longer run '" + command + "'"));
    }

    @Test
    void everyCommandBlockOfTheDocsRunsAsWrittenAndLeavesTheFolderClean() throws Exception {
        List<Ran> ran = runAll();

        // the getting-started sections run wherever they live, every command of them
        for (String section : List.of(TRY_IT, TERMINAL)) {
            for (List<String> block : ReadmeBlocks.of(section)) {
                if (leftToOthers(block) != null) {
                    continue;
                }
                if (ReadmeBlocks.isChatSession(block)) {
                    find(ran, block.get(0));
                } else {
                    block.stream().filter(l -> !l.startsWith("mvn ")).forEach(l -> assertThat(ran).as(section)
                            .anySatisfy(r -> assertThat(r.command()).isEqualTo(l)));
                }
            }
        }

        // --version is the pom's version, from the build
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher v = Pattern.compile("<artifactId>candor</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(v.find()).isTrue();
        assertThat(find(ran, "bin/candor --version").out().strip()).isEqualTo("candor " + v.group(1));

        assertThat(find(ran, "bin/candor review").out()).contains("pitch.");
        Ran chat = find(ran, "bin/candor chat");
        assertThat(chat.out()).contains("demo one: alice, bob, carol").contains("mention #1 from @sam")
                .contains("Nobody has it yet").contains("Marked #1 answered").endsWith("Bye.\n");

        JsonNode listed = new ObjectMapper().readTree(find(ran, "bin/candor mentions list --format json").out());
        assertThat(listed.isArray()).isTrue();
        assertThat(listed).singleElement().satisfies(m -> {
            assertThat(m.path("source_id").asText()).isEqualTo("1799");
            assertThat(m.path("received_at").asText()).startsWith("2026-11-20");
            assertThat(m.path("state").asText()).isEqualTo("open");
        });
        assertThat(find(ran, "bin/candor remind --dry-run").out()).contains("Does it work offline?");

        // nothing left behind in the folder it ran in but what the README itself wrote (mentions.csv)
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("mentions.csv");
        }
        // the database went to the data folder under $HOME (not Java's user.home), beside the launcher's cache
        assertThat(tmp.resolve("home/.local/share/candor/candor.mv.db")).exists();
        assertThat(tmp.resolve("home/.cache/candor")).isDirectory();
    }
}
