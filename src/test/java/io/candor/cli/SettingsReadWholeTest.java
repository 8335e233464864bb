package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command reads the whole settings file before it does anything, as {@code candor config
 * check} does: a misspelled key in a section the command never uses stops it all the same,
 * with exit code 2 and a line naming the file, the section and the key, and nothing is done.
 */
class SettingsReadWholeTest {
    static Stream<Arguments> commands() {
        return Stream.of(Arguments.of((Object) new String[] {"review", "--text", "Big news! We ship on Monday."}),
                Arguments.of((Object) new String[] {"mentions", "list"}),
                Arguments.of((Object) new String[] {"history", "stats"}),
                Arguments.of((Object) new String[] {"stats"}));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aTypoInASectionTheCommandDoesNotUseStopsItNamingTheFileAndTheKey(String[] command, @TempDir Path dir)
            throws Exception {
        Path config = Files.createDirectories(dir.resolve("config")).resolve("candor.yaml");
        Files.writeString(config, "mentions:\n  done_emoj: [x]\n");
        Path db = dir.resolve("candor");
        String[] args = Stream.concat(Stream.of(command), Stream.of("--config", config.toString(), "--db", db.toString()))
                .toArray(String[]::new);

        CliRun r = CliRun.of(args);

        assertThat(r.code()).as(String.join(" ", command)).isEqualTo(2);
        assertThat(r.err()).contains(config.toString()).contains("mentions").contains("unknown key 'done_emoj'")
                .contains("done_emoji");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("candor.mv.db")).as("no database was made").doesNotExist();
    }
}
