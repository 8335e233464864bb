package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.Candor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor mentions list}: the open mentions outside chat, as text, JSON and CSV. */
class MentionsListTest {
    @TempDir
    Path dir;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void importedMentionsAreListedInEachFormat() throws Exception {
        String db = dir.resolve("team").toString();
        Path file = dir.resolve("mentions.csv");
        // a plain date, as history import takes it, and a text with a comma and quotes
        Files.writeString(file, """
                id,platform,author,text,url,received_at
                1799,x,@sam,"Does it work offline, ""really""?",https://x.com/sam/status/1799,2026-11-20
                77,bluesky,@kim,Your app ate my notes,,2026-11-21T10:00:00Z
                """);
        CliRun imported = run("mentions", "import", file.toString(), "--db", db);
        assertThat(imported.code()).as(imported.out() + imported.err()).isZero();

        CliRun json = run("mentions", "list", "--format", "json", "--db", db);
        assertThat(json.code()).isZero();
        JsonNode arr = new ObjectMapper().readTree(json.out());
        assertThat(arr).hasSize(2);
        assertThat(arr.get(0).get("source_id").asText()).isEqualTo("1799");
        assertThat(arr.get(0).get("received_at").asText()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(arr.get(0).get("text").asText()).isEqualTo("Does it work offline, \"really\"?");
        assertThat(arr.get(1).get("platform").asText()).isEqualTo("bluesky");

        CliRun text = run("mentions", "list", "--db", db);
        assertThat(text.out()).contains("2 mentions, open, oldest first:")
                .contains("#1 · open · ").contains(" · X · @sam · nobody on it").contains("https://x.com/sam/status/1799");

        CliRun csv = run("mentions", "list", "--all", "--format", "csv", "--db", db);
        assertThat(csv.out().lines().toList()).hasSize(3);
        assertThat(csv.out()).startsWith("id,platform,source_id,author,state,assignee,received_at,snoozed_until,url,text")
                .contains("\"Does it work offline, \"\"really\"\"?\"");

        assertThat(run("mentions", "list", "--person", "nobody", "--format", "json", "--db", db).out()).contains("1799");
        CliRun unknown = run("mentions", "list", "--person", "dave", "--db", db);
        assertThat(unknown.code()).isEqualTo(Candor.BAD_INPUT);
        assertThat(unknown.err()).contains("Nobody called 'dave' has mentions");
        assertThat(run("mentions", "list", "--format", "xml", "--db", db).err()).contains("--format takes text, json or csv");
        assertThat(run("mentions", "list", "--state", "closed", "--db", db).code()).isEqualTo(Candor.BAD_INPUT);
    }

    @Test
    void withNoDatabaseYetNothingIsListedAndNothingIsCreated() {
        String db = dir.resolve("none").toString();
        CliRun r = run("mentions", "list", "--db", db);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("No mentions (open).");
        assertThat(run("mentions", "list", "--format", "json", "--db", db).out().strip()).isEqualTo("[ ]");
        assertThat(Files.exists(dir.resolve("none.mv.db"))).isFalse();
    }
}
