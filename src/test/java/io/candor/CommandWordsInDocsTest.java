package io.candor;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.chat.CoachCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every chat command the docs (README.md, docs/*.md, ARCHITECTURE.md) and prompts name
 * ({@code `/coach mentions`}) is one the chat has:
 * a word of {@link CoachCommand.Word}. (ARCHITECTURE.md once named {@code /coach mine}, which the
 * chat reviews as a draft saying "mine".)
 */
class CommandWordsInDocsTest {
    private static final Pattern NAMED = Pattern.compile("`/coach ([a-z]+)");

    @Test
    void theDocsNameOnlyCommandsTheChatHas() throws Exception {
        List<Path> files = new ArrayList<>(ReadmeBlocks.pages());
        files.add(Path.of("ARCHITECTURE.md"));
        try (Stream<Path> prompts = Files.list(Path.of("prompts"))) {
            prompts.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
        }
        List<String> named = new ArrayList<>();
        for (Path f : files) {
            Matcher m = NAMED.matcher(Files.readString(f));
            while (m.find()) {
                named.add(f + ": /coach " + m.group(1));
                // Discord's /coach review is a draft with typed options (discord.CoachCommands), not a command word
                boolean discordReview = m.group(1).equals("review");
                assertThat(CoachCommand.Word.of(m.group(1)).isPresent() || discordReview)
                        .as(f + " names `/coach " + m.group(1) + "`").isTrue();
            }
        }
        assertThat(named).anyMatch(s -> s.startsWith("ARCHITECTURE.md: /coach mentions"));
    }
}
