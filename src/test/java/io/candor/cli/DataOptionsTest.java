package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.Candor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class DataOptionsTest {
    /** Every command, sub-commands included. */
    private static List<CommandLine> all(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(s -> all(s, into));
        return into;
    }

    @Test
    void everyCommandThatTakesADatabaseOrSettingsTakesBothWithTheSameHelp() {
        CommandLine root = Candor.commandLine();
        List<String> withBoth = new ArrayList<>();
        for (CommandLine c : all(root, new ArrayList<>())) {
            OptionSpec db = c.getCommandSpec().findOption("--db");
            OptionSpec config = c.getCommandSpec().findOption("--config");
            if (db == null && config == null) {
                continue;
            }
            String name = c.getCommandSpec().qualifiedName();
            assertThat(db).as(name + " --db").isNotNull();
            assertThat(config).as(name + " --config").isNotNull();
            assertThat(config.names()).as(name).containsExactlyInAnyOrder("-c", "--config");
            // the --help of every command that opens the database names the data folder of this environment
            assertThat(db.description()).as(name).containsExactly(
                    "Database: a file path or JDBC URL (default: $CANDOR_DB, else storage.url in the settings, "
                            + "else candor.mv.db in the data folder, $XDG_DATA_HOME/candor, else $HOME/.local/share/candor: here "
                            + io.candor.store.StorageSettings.dataFolder(System.getenv()) + "; candor chat keeps its own in memory).");
            assertThat(config.description()).as(name).containsExactly(
                    "Settings file (default: $CANDOR_CONFIG, else config/candor.yaml, else the built-in defaults).");
            withBoth.add(name.replaceFirst("^candor ", ""));
        }
        assertThat(withBoth).containsExactlyInAnyOrder("review", "chat", "serve", "remind", "mentions import", "mentions list",
                "mentions pull", "stats", "history import", "history posted", "history stats", "history purge",
                "mentions close", "mentions assign", "mentions snooze", "mentions dismiss", "mentions reopen", "mentions recount");
    }
}
