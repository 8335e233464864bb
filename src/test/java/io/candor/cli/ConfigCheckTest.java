package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor config check}: a typo anywhere in a team's settings is named, file and key. */
class ConfigCheckTest {
    private static String[] run(String... args) {
        return CliRun.of(args).asArray();
    }

    private static Path write(Path dir, String yaml) throws Exception {
        return Files.writeString(Files.createDirectories(dir.resolve("config")).resolve("candor.yaml"), yaml);
    }

    @Test
    void theShippedSettingsAreAllWell() {
        String[] r = run("config", "check", "config/candor.yaml");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("config/candor.yaml: all well");
    }

    @Test
    void saysWhichDatabaseAndDataFolderTheSettingsUseHere() {
        String[] r = run("config", "check", "config/candor.yaml");
        assertThat(r[0]).isEqualTo("0");
        java.util.Map<String, String> env = System.getenv();
        String folder = io.candor.store.StorageSettings.dataFolder(env).toString();
        assertThat(r[1]).contains("data folder: " + folder + " ($XDG_DATA_HOME/candor, else $HOME/.local/share/candor)");
        if (env.get("CANDOR_DB") == null) {
            assertThat(r[1]).contains("database: " + folder + "/candor.mv.db (from the data folder)");
        }
        assertThat(ConfigCommand.database(io.candor.store.StorageSettings.defaults(),
                java.util.Map.of("CANDOR_DB", "jdbc:postgresql://db/candor?password=secret", "HOME", "/h")))
                .isEqualTo("database: jdbc:postgresql://db/candor?password=*** (from $CANDOR_DB); "
                        + "data folder: /h/.local/share/candor ($XDG_DATA_HOME/candor, else $HOME/.local/share/candor)");
    }

    @Test
    void aMisspelledKeyInASectionIsNamedWithTheKeysItCouldBe(@TempDir Path dir) throws Exception {
        Path f = write(dir, "stats:\n  reply_target_hour: 4\n");
        String[] r = run("config", "check", f.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains(f.toString()).contains("stats").contains("unknown key 'reply_target_hour'")
                .contains("reply_target_hours");
    }

    @Test
    void aMisspelledSectionIsNamed(@TempDir Path dir) throws Exception {
        Path f = write(dir, "reminder:\n  zone: Europe/Paris\n");
        String[] r = run("config", "check", f.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("unknown section 'reminder'").contains("reminders");
    }

    @Test
    void aReminderDmOfNoLinesOrTooManyIsNamed(@TempDir Path dir) throws Exception {
        for (String value : new String[] {"0", "101"}) {
            Path f = write(dir, "reminders:\n  dm_lines: " + value + "\n");
            String[] r = run("config", "check", f.toString());
            assertThat(r[0]).isEqualTo("2");
            assertThat(r[2]).contains("reminders.dm_lines: " + value + " is not from 1 to 100");
        }
        Path typo = write(dir, "reminders:\n  dm_line: 30\n");
        assertThat(run("config", "check", typo.toString())[2]).contains("unknown key 'dm_line'").contains("dm_lines");
    }

    @Test
    void aMisspelledKeyOfAPersonIsNamed(@TempDir Path dir) throws Exception {
        Path f = write(dir, "people:\n  - {name: Alice, slak: UALICE}\n");
        String[] r = run("config", "check", f.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("people").contains("'slak'");
    }

    @Test
    void aMistakeInTheNetworksSectionIsNamed(@TempDir Path dir) throws Exception {
        Path f = write(dir, "networks:\n  poll_second: 5\n");
        String[] r = run("config", "check", f.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains(f.toString()).contains("networks").contains("unknown key 'poll_second'").contains("poll_seconds");

        Path kinds = write(dir, "networks:\n  kinds: [mentions, boosts]\n");
        r = run("config", "check", kinds.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("networks").contains("kinds: 'boosts' is not one of mentions, replies, quotes");

        Path zero = write(dir, "networks:\n  poll_seconds: 0\n");
        r = run("config", "check", zero.toString());
        assertThat(r[2]).contains("poll_seconds must be between 1 and 86400, not 0");
    }
}
