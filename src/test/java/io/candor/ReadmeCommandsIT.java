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
 * The README's getting-started commands, copied out of README.md and run with the built jar
 * through {@code bin/candor}, in an empty folder with an empty home, as a newcomer types them
 * (runs after {@code package}, in {@code mvn verify}). Blocks that need a running server
 * ({@code serve}, {@code curl}) or are benchmarks are left to ServeProcessTest and the
 * benchmarks; every other block of the two sections runs.
 */
class ReadmeCommandsIT {
    private static final String TRY_IT = "## Try it";
    private static final String TERMINAL = "## Mentions, reminders and the terminal chat";
    private static final Path LAUNCHER = Path.of("bin", "candor").toAbsolutePath();

    @TempDir
    static Path tmp;
    private static Path work;
    private static Map<String, String> env;

    record Ran(String command, int exit, String out) {
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

    private static Ran run(String command, String stdin) throws Exception {
        // the README says bin/candor from the clone; here the folder is empty, so the same launcher by its full path
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
        return new Ran(command, p.exitValue(), out);
    }

    /** Runs every runnable block of a section; returns what each command printed. */
    private static List<Ran> runSection(String heading) throws Exception {
        List<Ran> ran = new ArrayList<>();
        for (List<String> block : ReadmeBlocks.of(heading)) {
            if (block.stream().anyMatch(l -> l.contains(" serve") || l.startsWith("curl") || l.contains("exec:java"))) {
                continue; // a server or a benchmark: not a getting-started step
            }
            if (block.get(0).startsWith("bin/candor chat --as ")) {
                String who = block.get(0).substring("bin/candor chat --as ".length());
                String typed = String.join("\n", ReadmeBlocks.chatSession(heading, who)) + "\n";
                ran.add(run(block.get(0), typed));
                continue;
            }
            for (String line : block) {
                if (line.startsWith("mvn ")) {
                    continue; // the build this test runs in
                }
                assertThat(line).as("a README command").matches("(bin/candor|printf) .*");
                ran.add(run(line, ""));
            }
        }
        for (Ran r : ran) {
            assertThat(r.exit()).as(r.command() + " printed:\n" + r.out()).isZero();
            assertThat(r.out()).as(r.command()).doesNotContain("Exception").doesNotContain("Unknown command")
                    .doesNotContain("Unknown option").doesNotContain("is not a time").doesNotContain("not found");
        }
        return ran;
    }

    private static Ran find(List<Ran> ran, String command) {
        return ran.stream().filter(r -> r.command().startsWith(command)).findFirst()
                .orElseThrow(() -> new AssertionError("the README no longer runs '" + command + "'"));
    }

    @Test
    void theReadmesGettingStartedRunsAsWrittenAndLeavesTheFolderClean() throws Exception {
        List<Ran> ran = new ArrayList<>(runSection(TRY_IT));
        ran.addAll(runSection(TERMINAL));

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
