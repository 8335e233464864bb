package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.Candor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history from the terminal: batch reviews remember, --no-remember does not, import and stats. */
class HistoryCliTest {
    private final LingeringFolder folder = new LingeringFolder();
    private final Path dir = folder.path();

    @org.junit.jupiter.api.AfterEach
    void deleteFolder() throws InterruptedException {
        folder.close();
    }


    private static CliRun run(String... args) {
        return CliRun.of(args);
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
        CliRun first = run("review", "--batch", batch.toString(), "--format", "json", "--db", db);
        assertThat(first.code()).isZero();
        String[] lines = first.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(rules(lines[0])).doesNotContain("broadcast.repeat", "broadcast.cross-platform");
        assertThat(rules(lines[1])).contains("broadcast.cross-platform");
        assertThat(rules(lines[2])).doesNotContain("broadcast.repeat", "broadcast.cross-platform");

        // the same writer reviewing the same drafts again: versions, not repeats
        CliRun again = run("review", "--batch", batch.toString(), "--format", "json", "--db", db, "--no-remember");
        assertThat(rules(again.out().strip().split("\n")[2])).doesNotContain("broadcast.repeat");
        // someone else of the team (as CI would say with --author) is told
        CliRun other = run("review", "--batch", batch.toString(), "--format", "json", "--db", db, "--no-remember", "--author", "ci");
        assertThat(rules(other.out().strip().split("\n")[2])).contains("broadcast.repeat");
        CliRun stats = run("history", "stats", "--db", db);
        assertThat(stats.out()).contains("entries:          3").contains("reviewed drafts:  3").contains("posted:           0")
                .contains("cli 3");
    }

    @Test
    void theSameReplyToAnotherPersonIsATemplateAndAReReviewForTheSameOneIsNot() throws Exception {
        String db = dir.resolve("history").toString();
        String reply = "We'd love to help with this. Please DM us your order number and we'll sort it out.";
        assertThat(run("review", "--db", db, "-p", "x", "--author", "rui", "--text", "@alice " + reply).out()).startsWith("Ready");
        // the same draft again for Alice: an edit, never a finding
        assertThat(run("review", "--db", db, "-p", "x", "--author", "rui", "--text", "@alice " + reply).out()).startsWith("Ready");
        CliRun bob = run("review", "--db", db, "-p", "x", "--author", "rui", "--text", "@bob " + reply);
        assertThat(bob.out()).contains("You sent almost the same reply to one other person, the last one a few minutes ago")
                .contains("(broadcast.template)");
        // a teammate sending it to a third person: the team sent it to two
        assertThat(run("review", "--db", db, "-p", "x", "--author", "ana", "--text", "@cai " + reply).out())
                .contains("The team sent almost the same reply to 2 other people");
        // in a batch, by the message each line answers
        Path batch = Files.writeString(dir.resolve("replies.jsonl"), String.join("\n",
                "{\"id\": 1, \"text\": \"Sorry about the wait! Your refund left us on Monday, so it should reach your card by Thursday.\", \"reply_to\": \"where is my refund??\", \"author\": \"lee\"}",
                "{\"id\": 2, \"text\": \"Sorry about the wait! Your refund left us on Monday, so it should reach your card by Thursday.\", \"reply_to\": \"where is my refund??\", \"author\": \"lee\"}",
                "{\"id\": 3, \"text\": \"Sorry about the wait! Your refund left us on Monday, so it should reach your card by Thursday.\", \"reply_to\": \"refund still not here, a week now\", \"author\": \"lee\"}") + "\n");
        String[] lines = run("review", "--batch", batch.toString(), "--format", "json", "--db", db).out().strip().split("\n");
        assertThat(rules(lines[1])).doesNotContain("broadcast.template", "broadcast.repeat");
        assertThat(rules(lines[2])).contains("broadcast.template");
    }

    @Test
    void noRememberWithoutADatabaseCreatesNone() {
        Path db = dir.resolve("fresh/history");
        CliRun r = run("review", "--db", db.toString(), "--no-remember", "--text", "Big news! Our spring collection is live.");
        assertThat(r.code()).isZero();
        assertThat(dir.resolve("fresh")).doesNotExist();
    }

    @Test
    void anUnusableDatabaseStillGivesAReviewWithANote() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        CliRun r = run("review", "--format", "json", "--db", notAFolder.resolve("history").toString(),
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
        CliRun imp = run("history", "import", csv.toString(), "--db", db);
        assertThat(imp.code()).as("a bad row: exit 1, as mentions import").isEqualTo(1);
        assertThat(imp.out()).contains("Imported 1 new post from").contains("1 bad row");
        assertThat(imp.err()).contains("past.csv line 3: no posted_at");
        assertThat(run("history", "import", csv.toString(), "--db", db).out()).contains("Imported no new posts")
                .contains("1 already there");
        assertThat(run("history", "stats", "--db", db).out()).contains("entries:          1").contains("import 1");
        assertThat(run("history", "purge", "--db", db).out()).contains("removed the text of no posts");
        Path odd = Files.writeString(dir.resolve("posts.txt"), "just words\n");
        CliRun bad = run("history", "import", odd.toString(), "--db", db);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Cannot tell the format");
    }

    @Test
    void aPostRecordedFromTheTerminalIsNamedAsPostedWhenATeamDraftCopiesIt() throws Exception {
        String db = dir.resolve("history").toString();
        String facebook = "We are opening our second bakery on Rua Augusta this Saturday morning at nine. "
                + "The first hundred visitors get a free pastel de nata and a coffee on the house.";
        CliRun posted = run("history", "posted", "--db", db, "--platform", "facebook", "--author", "lee", "--team", "acme",
                "--at", java.time.Instant.now().minus(java.time.Duration.ofDays(3)).toString(), facebook);
        assertThat(posted.code()).isZero();
        assertThat(posted.out()).contains("went out on Facebook").contains("Candor posted nothing");
        // CI checks a trimmed X version for the same team
        String x = "Second bakery opening on Rua Augusta! The first hundred visitors get a free pastel de nata and a coffee on the house.";
        CliRun ci = run("review", "--db", db, "--no-remember", "--team", "acme", "--author", "ci", "--platform", "x",
                "--fail-on", "warning", "--text", x);
        assertThat(ci.code()).isEqualTo(1);
        assertThat(ci.out()).containsPattern("The team posted (almost the same text|a text with the same passage) on Facebook on \\w+ \\(lee\\)")
                .contains("(broadcast.cross-platform)");
        // another team's history is not this one's
        assertThat(run("review", "--db", db, "--no-remember", "--team", "other", "--platform", "x", "--text", x).out())
                .doesNotContain("broadcast.cross-platform");
        // batch lines can name their own team and author
        Path batch = Files.writeString(dir.resolve("b.jsonl"),
                "{\"id\": 1, \"text\": " + new ObjectMapper().writeValueAsString(x) + ", \"team\": \"acme\", \"author\": \"rui\", \"platforms\": [\"x\"]}\n"
                        + "{\"id\": 2, \"text\": " + new ObjectMapper().writeValueAsString(x) + ", \"platforms\": [\"x\"]}\n");
        String[] lines = run("review", "--db", db, "--no-remember", "--batch", batch.toString(), "--format", "json").out()
                .strip().split("\n");
        assertThat(rules(lines[0])).contains("broadcast.cross-platform");
        assertThat(rules(lines[1])).doesNotContain("broadcast.cross-platform");
        assertThat(run("history", "stats", "--db", db).out()).contains("posted:           1");
        assertThat(run("history", "posted", "--db", db, "https://example.com @someone").err()).contains("no words to remember");
        assertThat(run("history", "posted", "--db", db, "--at", "yesterday", "Some words here").err()).contains("--at 'yesterday'");
    }

    @Test
    void historyRulesAreSwitchedOffAndResevereditedLikeEveryOtherRule() throws Exception {
        String db = dir.resolve("history").toString();
        String text = "Our office will be closed on Friday for the team retreat; support resumes Monday morning.";
        run("history", "posted", "--db", db, "--platform", "linkedin", "--author", "ana", text);
        Path off = Files.writeString(dir.resolve("off.yaml"), """
                review:
                  rules:
                    broadcast.repeat: {enabled: false}
                    broadcast.cross-platform: {severity: problem}
                """);
        CliRun quiet = run("review", "--config", off.toString(), "--db", db, "--no-remember", "--platform", "linkedin", "--text", text);
        assertThat(quiet.code()).isZero();
        assertThat(quiet.out()).doesNotContain("broadcast.repeat");
        CliRun severe = run("review", "--config", off.toString(), "--db", db, "--no-remember", "--platform", "x", "--format", "json",
                "--text", text);
        JsonNode f = new ObjectMapper().readTree(severe.out()).path("findings");
        assertThat(f.toString()).contains("\"rule\":\"broadcast.cross-platform\"").contains("\"severity\":\"problem\"");
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "review:\n  rules:\n    broadcast.repaet: {enabled: false}\n");
        CliRun bad = run("review", "--config", typo.toString(), "--db", db, "--text", text);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown rule 'broadcast.repaet'").contains("broadcast.repeat");
    }

    @Test
    void badRowsAreNamedByLineAndTheSummarySaysHowManyAndWhy() throws Exception {
        byte[] latin1 = "Caf\u00e9 opening on Friday: all welcome to taste the new menu".getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes("text,platform,posted_at,author\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("Big news! Our spring collection is live,linkedin,2099-01-01T09:00:00Z,Maya\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(latin1);
        file.writeBytes(",x,2099-01-02T09:00:00Z,Ana\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("Another post about the menu,x,last Tuesday,Ana\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("A third post about the menu,x,31/12/2099,Ana\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("Fourth post with too few fields,x\n".getBytes(StandardCharsets.UTF_8));
        Path csv = Files.write(dir.resolve("mixed.csv"), file.toByteArray());
        String db = dir.resolve("history").toString();
        CliRun imp = run("history", "import", csv.toString(), "--db", db);
        assertThat(imp.code()).isEqualTo(1);
        assertThat(imp.out()).contains("Imported 1 new post from").contains("4 bad rows: 2 bad posted_at, 1 not UTF-8, 1 wrong number of fields");
        assertThat(imp.err()).contains("mixed.csv line 3: the text is not valid UTF-8").contains("mixed.csv line 4: posted_at 'last Tuesday'")
                .contains("mixed.csv line 6: has 2 fields, the header has 4");
        Path noDates = Files.writeString(dir.resolve("nodates.csv"), "text,platform\nHello there friends,x\n");
        CliRun missing = run("history", "import", noDates.toString(), "--db", db);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("has no 'posted_at' column");
    }
}
