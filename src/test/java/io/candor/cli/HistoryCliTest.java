package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.Candor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history from the terminal: batch reviews remember, --no-remember does not, import and stats. */
class HistoryCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Candor.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static List<String> rules(String jsonLine) throws Exception {
        JsonNode n = new ObjectMapper().readTree(jsonLine);
        List<String> out = new ArrayList<>();
        n.path("findings").forEach(f -> out.add(f.path("rule").asText()));
        return out;
    }

    @Test
    void batchLinesAreComparedWithEarlierLinesAndRemembered() throws Exception {
        Path batch = Files.writeString(dir.resolve("drafts.jsonl"), String.join("\n",
                "{\"id\": 1, \"text\": \"Our office will be closed on Friday for the team retreat; support resumes Monday.\", \"platforms\": [\"linkedin\"]}",
                "{\"id\": 2, \"text\": \"Reposting: our office will be closed on Friday for the team retreat! Support resumes Monday 🙏\", \"platforms\": [\"x\"]}",
                "{\"id\": 3, \"text\": \"Which of our spring pieces should we restock first?\"}") + "\n");
        String db = dir.resolve("history").toString();
        Run first = run("review", "--batch", batch.toString(), "--format", "json", "--db", db);
        assertThat(first.code()).isZero();
        String[] lines = first.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(rules(lines[0])).doesNotContain("broadcast.repeat", "broadcast.cross-platform");
        assertThat(rules(lines[1])).contains("broadcast.cross-platform");
        assertThat(rules(lines[2])).doesNotContain("broadcast.repeat", "broadcast.cross-platform");

        // the same writer reviewing the same drafts again: versions, not repeats
        Run again = run("review", "--batch", batch.toString(), "--format", "json", "--db", db, "--no-remember");
        assertThat(rules(again.out().strip().split("\n")[2])).doesNotContain("broadcast.repeat");
        // someone else of the team (as CI would say with --author) is told
        Run other = run("review", "--batch", batch.toString(), "--format", "json", "--db", db, "--no-remember", "--author", "ci");
        assertThat(rules(other.out().strip().split("\n")[2])).contains("broadcast.repeat");
        Run stats = run("history", "stats", "--db", db);
        assertThat(stats.out()).contains("posts:            3").contains("reviewed drafts:  3").contains("posted:           0")
                .contains("cli 3");
    }

    @Test
    void noRememberWithoutADatabaseCreatesNone() {
        Path db = dir.resolve("fresh/history");
        Run r = run("review", "--db", db.toString(), "--no-remember", "--text", "Big news! Our spring collection is live.");
        assertThat(r.code()).isZero();
        assertThat(dir.resolve("fresh")).doesNotExist();
    }

    @Test
    void anUnusableDatabaseStillGivesAReviewWithANote() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        Run r = run("review", "--format", "json", "--db", notAFolder.resolve("history").toString(),
                "--text", "Check out my channel and subscribe!");
        assertThat(r.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("findings").size()).isPositive();
        assertThat(json.path("notes").get(0).asText()).startsWith("History is unavailable");
        assertThat(r.err()).contains("cannot be used").contains("reviewing without history");
    }

    @Test
    void importThenStats() throws Exception {
        Path csv = Files.writeString(dir.resolve("past.csv"), """
                text,platform,posted_at,author
                Big news! Our spring collection is live,linkedin,2099-01-01T09:00:00Z,Maya
                no date here,linkedin,,Maya
                """);
        String db = dir.resolve("history").toString();
        Run imp = run("history", "import", csv.toString(), "--db", db);
        assertThat(imp.code()).isZero();
        assertThat(imp.out()).contains("Imported 1 new posts").contains("1 bad rows");
        assertThat(imp.err()).contains("past.csv line 3: no posted_at");
        assertThat(run("history", "import", csv.toString(), "--db", db).out()).contains("Imported 0 new posts")
                .contains("1 already there");
        assertThat(run("history", "stats", "--db", db).out()).contains("posts:            1").contains("import 1");
        assertThat(run("history", "purge", "--db", db).out()).contains("removed the text of 0 posts");
        Path odd = Files.writeString(dir.resolve("posts.txt"), "just words\n");
        Run bad = run("history", "import", odd.toString(), "--db", db);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Cannot tell the format");
    }
}
