package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void theSchemaVersionConstantIsTheNewestMigration() throws Exception {
        Pattern v = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.toList()) {
                Matcher m = v.matcher(f.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertThat(Database.SCHEMA_VERSION).as("Database.SCHEMA_VERSION must name the newest migration").isEqualTo(newest);
    }

    @Test
    void aDatabaseAtTheNewestVersionIsSeenAsCurrentSoReopeningSkipsFlyway(@TempDir Path dir) {
        // Flyway's versions are text ("9" sorts after "10"): a wrong answer here ran Flyway at every start
        try (Database db = Database.open(dir.resolve("candor").toString())) {
            assertThat(Database.current(db.dataSource())).isTrue();
        }
    }

    @Test
    void aNewDatabaseGetsEveryTableAndReopensWithoutLosingRows(@TempDir Path dir) throws Exception {
        String where = dir.resolve("candor").toString();
        try (Database db = Database.open(where); Connection c = db.connection()) {
            c.createStatement().execute("INSERT INTO muted_rule (surface, team, user_id, rule_id, muted_at) VALUES ('slack', 'T1', 'U1', 'pitch.hype', CURRENT_TIMESTAMP)");
        }
        try (Database db = Database.open(where); Connection c = db.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM muted_rule")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(db.healthy()).isTrue();
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.mv.db");
        Files.writeString(file, "this is not an H2 file ".repeat(200));
        assertThatThrownBy(() -> Database.open(dir.resolve("broken").toString()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot be used");
    }

    @Test
    void aFileMadeByAnotherBuildSaysSoAndHowToGoOn(@TempDir Path dir) throws Exception {
        String where = dir.resolve("candor").toString();
        try (Database db = Database.open(where); Connection c = db.connection()) {
            // as a pre-release build left it: ten migrations, its tenth another one than this build's
            c.createStatement().execute("DELETE FROM \"flyway_schema_history\" WHERE CAST(\"version\" AS INT) > 10");
            c.createStatement().execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 1, \"description\" = 'other'"
                    + " WHERE \"version\" = '10'");
        }
        assertThatThrownBy(() -> Database.open(where))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot be used: its tables were made by another build of Candor")
                .hasMessageContaining("move the file aside");
    }

    @Test
    void aNewDatabaseAndTheFolderMadeForItAreReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("data");
        try (Database db = Database.open(folder.resolve("candor").toString())) {
            assertThat(db.healthy()).isTrue();
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("candor.mv.db")))).isEqualTo("rw-------");
    }

    @Test
    void aFailedStatementLeavesNoTraceFileQuotingWhatWasWritten(@TempDir Path dir) throws Exception {
        String secret = "my unpublished draft " + System.nanoTime();
        try (Database db = Database.open(dir.resolve("candor").toString())) {
            for (String sql : new String[] {"INSERT INTO muted_rule (surface, team, user_id, rule_id, muted_at) VALUES (?, 'T', 'U', 'r', CURRENT_TIMESTAMP)",
                    "INSERT INTO no_such_table VALUES (?)"}) {
                try (Connection c = db.connection(); var ps = c.prepareStatement(sql)) {
                    ps.setString(1, secret.repeat(50));
                    ps.executeUpdate();
                } catch (java.sql.SQLException expected) {
                    assertThat(StoreErrors.reason(expected)).doesNotContain(secret);
                }
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(secret);
            }
        }
    }
}
