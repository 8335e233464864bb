package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageSettingsTest {
    @TempDir
    Path dir;

    private CandorConfig config(String yaml) throws Exception {
        Path file = Files.createDirectories(dir.resolve("config")).resolve("candor.yaml");
        Files.writeString(file, yaml);
        return CandorConfig.load(file);
    }

    @Test
    void thePoolComesFromTheFileAndTheDatabaseFromTheEnvironment() throws Exception {
        StorageSettings s = StorageSettings.from(config("storage: {pool: {max_size: 20, connection_timeout_ms: 800}}\n"));
        assertThat(s.pool().maxSize()).isEqualTo(20);
        assertThat(s.pool().minIdle()).isEqualTo(1);
        assertThat(s.pool().connectionTimeoutMs()).isEqualTo(800);
        assertThat(s.location(null, Map.of("CANDOR_DB", "jdbc:postgresql://db/candor"))).isEqualTo("jdbc:postgresql://db/candor");
        assertThat(s.location("other", Map.of("CANDOR_DB", "jdbc:postgresql://db/candor"))).isEqualTo("other");
    }

    @Test
    void aMisspeltKeyOrAnImpossibleSizeIsAnErrorNamingTheFileAndTheKey() throws Exception {
        assertThatThrownBy(() -> StorageSettings.from(config("storage: {pool: {max_szie: 3}}\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("candor.yaml").hasMessageContaining("max_szie");
        assertThatThrownBy(() -> StorageSettings.from(config("storage: {pool: {max_size: 2, min_idle: 5}}\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("min_idle");
    }

    @Test
    void aPasswordInAUrlIsNeverShown() {
        assertThat(Database.redact("jdbc:postgresql://db:5432/candor?user=c&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/candor?user=c&password=***&ssl=true");
        assertThat(Database.redact("jdbc:postgresql://c:hunter2@db/candor")).isEqualTo("jdbc:postgresql://c:***@db/candor");
    }

    @Test
    void theDataFolderIsXdgDataHomeElseHomeFromTheEnvironmentNotThePasswordFile() {
        StorageSettings s = StorageSettings.defaults();
        assertThat(s.location(null, Map.of("HOME", "/tmp/someone"))).isEqualTo("/tmp/someone/.local/share/candor/candor");
        assertThat(s.location(null, Map.of("HOME", "/tmp/someone", "XDG_DATA_HOME", "/srv/data")))
                .isEqualTo("/srv/data/candor/candor");
        // a relative XDG_DATA_HOME is ignored, as the XDG spec says
        assertThat(s.location(null, Map.of("HOME", "/tmp/someone", "XDG_DATA_HOME", "rel")))
                .isEqualTo("/tmp/someone/.local/share/candor/candor");
        assertThat(s.location(null, Map.of("HOME", "/tmp/someone", "CANDOR_DB", "/x/db"))).isEqualTo("/x/db");
        assertThat(s.source(null, Map.of("HOME", "/tmp/someone"))).isEqualTo("the data folder");
        assertThat(s.source(null, Map.of("CANDOR_DB", "/x/db"))).isEqualTo("$CANDOR_DB");
    }
}
