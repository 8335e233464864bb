package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, point 9: shell completion offers the values of --platform, --kind, --fail-on and
 * --format. Runs the script {@code candor generate-completion} prints in bash, as a shell would
 * when Tab is pressed.
 */
class CompletionTest {
    @TempDir
    Path dir;

    private List<String> complete(Path script, String line) throws Exception {
        String[] words = line.split(" ", -1);
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String sh = "source " + script + " 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_candor candor '" + words[words.length - 1]
                + "' '" + words[words.length - 2] + "' 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "-c", sh).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void tabOffersTheValuesAnOptionTakes() throws Exception {
        CliRun generated = CliRun.of("generate-completion");
        assertThat(generated.code()).isZero();
        Path script = Files.writeString(dir.resolve("candor.bash"), generated.out());

        assertThat(complete(script, "candor review --kind ")).containsExactly("post", "reply", "comment");
        assertThat(complete(script, "candor review --fail-on ")).containsExactly("hint", "warning", "problem");
        assertThat(complete(script, "candor review --format ")).containsExactly("text", "json");
        assertThat(complete(script, "candor review -p ti")).containsExactly("tiktok");
        assertThat(complete(script, "candor review --platform ")).contains("x", "linkedin", "youtube", "reddit");
        assertThat(complete(script, "candor stats --platform link")).containsExactly("linkedin");
        assertThat(complete(script, "candor stats --format ")).containsExactly("text", "json", "csv");
        assertThat(complete(script, "candor mentions list --format ")).containsExactly("text", "json", "csv");
        assertThat(complete(script, "candor mentions list --state ")).contains("open", "answered", "all");
        assertThat(complete(script, "candor history posted --platform fa")).containsExactly("facebook");
    }
}
