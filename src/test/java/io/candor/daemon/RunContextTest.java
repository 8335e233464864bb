package io.candor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunContextTest {
    /** Upper-case names with an underscore in Candor's code that are not environment variables. */
    private static final Set<String> NOT_VARIABLES = Set.of("TRACE_LEVEL_FILE"); // an H2 URL setting

    @Test
    void everyEnvironmentVariableCandorReadsMustMatchForTheDaemonToServe() throws IOException {
        Pattern name = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|HOME)\"");
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = name.matcher(Files.readString(f));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        read.removeAll(NOT_VARIABLES);
        assertThat(read).contains("CANDOR_DB", "SLACK_BOT_TOKEN", "XDG_DATA_HOME", "HOME");
        // a variable added to the code and not compared would let a daemon answer with another's settings
        assertThat(read).allMatch(RunContext::compared, "compared by RunContext");
    }

    @Test
    void theContextHoldsTheFolderTheComparedVariablesAndNothingElse() {
        Map<String, String> c = RunContext.of(Map.of("CANDOR_DB", "/data/team", "PATH", "/usr/bin", "SHLVL", "2",
                "LC_ALL", "C.UTF-8", "TERM", "xterm"), "/work/site");
        assertThat(c).containsEntry("$CANDOR_DB", "/data/team").containsEntry("$LC_ALL", "C.UTF-8")
                .containsEntry("working folder", "/work/site").containsKeys("time zone", "language", "character set", "user")
                .doesNotContainKeys("$PATH", "$SHLVL", "$TERM");
    }

    @Test
    void aDifferenceIsNamedNeverShown() {
        Map<String, String> mine = RunContext.of(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), "/a");
        assertThat(RunContext.difference(mine, RunContext.of(Map.of("SLACK_BOT_TOKEN", "xoxb-2"), "/a")))
                .hasValue("$SLACK_BOT_TOKEN");
        assertThat(RunContext.difference(mine, RunContext.of(Map.of(), "/a"))).hasValue("$SLACK_BOT_TOKEN");
        assertThat(RunContext.difference(mine, RunContext.of(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), "/b")))
                .hasValue("working folder");
        assertThat(RunContext.difference(mine, RunContext.of(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), "/a"))).isEmpty();
    }
}
