package io.candor;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.store.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the README and docs/operations.md say about where the data lives is what the code does:
 * one rule for the data folder, no other default named on any page, and a systemd unit whose
 * sandbox lets Candor write the database the code would open under it.
 */
class ReadmeDataFolderTest {
    private static String readme() throws Exception {
        return Files.readString(ReadmeBlocks.README);
    }

    @Test
    void theReadmeStatesTheCodesRuleAndNoOtherDefaultFolder() throws Exception {
        String readme = readme();
        // the rule as the code states it, with `…` around each folder
        String rule = "`" + StorageSettings.FOLDER_RULE.replace(", else ", "`, else `") + "`";
        assertThat(rule).isEqualTo("`$XDG_DATA_HOME/candor`, else `$HOME/.local/share/candor`");
        assertThat(readme).contains("in the **data folder**: " + rule.replace("`, else `", "`, else\n`"));
        Matcher envRow = Pattern.compile("(?m)^\\| `CANDOR_DB` \\|.*\\| (.*) \\|$").matcher(readme);
        assertThat(envRow.find()).as("the CANDOR_DB row of the environment table").isTrue();
        assertThat(envRow.group(1)).contains(rule);
        // no second default on any page: the old relative data/candor and a home-only path are gone
        for (Path page : ReadmeBlocks.pages()) {
            assertThat(Files.readString(page)).as(page.toString())
                    .doesNotContain("data/candor").doesNotContain("~/.local/share/candor");
        }
    }

    @Test
    void theSystemdUnitLetsCandorWriteTheDatabaseTheCodeOpensUnderIt() throws Exception {
        List<String> unit = ReadmeBlocks.of("## Deploying").get(0);
        assertThat(unit.get(0)).isEqualTo("[Unit]");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", "/home/candor"); // the candor user's home, which ProtectHome=true hides
        List<Path> writable = new ArrayList<>();
        boolean protectHome = false;
        for (String line : unit) {
            if (line.startsWith("Environment=")) {
                String[] kv = line.substring("Environment=".length()).split("=", 2);
                env.put(kv[0], kv[1]);
            } else if (line.startsWith("ReadWritePaths=")) {
                for (String p : line.substring("ReadWritePaths=".length()).split(" ")) {
                    writable.add(Path.of(p));
                }
            } else if (line.startsWith("StateDirectory=")) {
                writable.add(Path.of("/var/lib", line.substring("StateDirectory=".length())));
            } else if (line.equals("ProtectHome=true")) {
                protectHome = true;
            }
        }
        assertThat(protectHome).isTrue();
        assertThat(line(unit, "ProtectSystem=")).isEqualTo("ProtectSystem=strict");
        Path db = Path.of(StorageSettings.defaults().location(null, env));
        assertThat(writable).as("folders the unit lets Candor write; the database is " + db)
                .anySatisfy(w -> assertThat(db.getParent()).isEqualTo(w));
        assertThat(db.startsWith("/home")).isFalse();
    }

    private static String line(List<String> unit, String prefix) {
        return unit.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }
}
