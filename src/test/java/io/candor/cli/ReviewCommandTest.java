package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.Candor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal contract of DESIGN.md: options, output, batch lines, exit codes. */
class ReviewCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        List<JsonNode> lines() throws Exception {
            List<JsonNode> l = new java.util.ArrayList<>();
            for (String s : out.split("\n")) {
                if (!s.isBlank()) {
                    l.add(JSON.readTree(s));
                }
            }
            return l;
        }
    }

    /** Each test reviews against its own empty history, so runs never see each other's drafts. */
    @TempDir
    static Path history;

    static Run run(byte[] stdin, String... raw) {
        String[] args = raw;
        if (raw.length > 0 && raw[0].equals("review") && !List.of(raw).contains("--help")) {
            args = new String[raw.length + 2];
            args[0] = "review";
            args[1] = "--db";
            args[2] = history.resolve("db-" + System.nanoTime()).toString();
            System.arraycopy(raw, 1, args, 3, raw.length - 1);
        }
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin));
            int code = Candor.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    static Run run(String... args) {
        return run(new byte[0], args);
    }

    @Test
    void textOutputHasVerdictStrengthsAndFindingsByCategoryWithQuestions() {
        Run r = run("review", "--reply-to", "Does the app work offline?", "--text", "Try our Pro plan, 50% off today! DM me");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Rethink before posting.");
        assertThat(r.out()).contains("Pitch\n", "“Try our Pro plan”", "? What did they actually ask?");
        assertThat(r.out().indexOf("Context")).isLessThan(r.out().indexOf("Pitch"));
    }

    @Test
    void jsonOutputFollowsTheContract() throws Exception {
        String text = "Check out my channel https://bit.ly/x";
        Run r = run("review", "--format", "json", "--kind", "comment", "--text", text);
        JsonNode o = r.lines().get(0);
        JsonNode f = o.get("findings").get(0);
        assertThat(f.fieldNames()).toIterable().contains("rule", "category", "severity", "start", "end", "message", "question");
        for (JsonNode x : o.get("findings")) {
            assertThat(x.get("message").asText()).isNotBlank();
            assertThat(text.substring(x.get("start").asInt(), x.get("end").asInt())).isNotBlank();
        }
        assertThat(o.get("verdict").asText()).isEqualTo("rethink");
    }

    @Test
    void platformsCanBeRepeatedOrCommaSeparated() throws Exception {
        Run a = run("review", "--format", "json", "--platform", "linkedin", "--platform", "x", "--text", "Spring menu is live.");
        Run b = run("review", "--format", "json", "-p", "linkedin,twitter", "--text", "Spring menu is live.");
        assertThat(a.lines().get(0).get("findings").get(0).get("rule").asText()).isEqualTo("broadcast.same-text-everywhere");
        assertThat(b.out()).isEqualTo(a.out());
    }

    @Test
    void readsTheDraftFromAFileOrStandardInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("draft.txt");
        Files.writeString(f, "Subscribe to my channel\n");
        assertThat(run("review", f.toString()).out()).contains("pitch.self-promo");
        assertThat(run("Subscribe to my channel".getBytes(StandardCharsets.UTF_8), "review", "-").out()).contains("pitch.self-promo");
    }

    @Test
    void badInputIsAClearMessageAndExitCodeTwo(@TempDir Path dir) throws Exception {
        assertBad(run("review", "--text", "   \n\t "), "empty");
        assertBad(run("review", "--text", "\u200b\u200d \u2060\uFEFF"), "empty");
        assertBad(run("review", "--text", "a".repeat(40_001)), "40001 characters");
        assertBad(run("review", "--platform", "myspace", "--text", "hi"), "Unknown platform 'myspace'");
        assertBad(run("review"), "Give the draft");
        assertBad(run("review", "--frobnicate"), "Unknown option");
        assertBad(run("review", dir.resolve("missing.txt").toString()), "no such file");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', 'o', 'k'});
        assertBad(run("review", latin1.toString()), "not valid UTF-8");
        Path bin = dir.resolve("image.png");
        Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        assertBad(run("review", bin.toString()), "binary");
    }

    private static void assertBad(Run r, String says) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(says).doesNotContain("Exception", "\tat ");
    }

    @Test
    void batchAnswersEveryLineInOrderAndABadLineGetsAnErrorLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("drafts.jsonl");
        byte[] bad = {'{', '"', 'i', 'd', '"', ':', '"', 'b', '"', ',', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("""
                {"id": 1, "text": "Subscribe to my channel"}
                {"id": "two", "text": "Spring menu is live.", "platforms": ["linkedin", "x"]}
                not json at all
                {"id": 4}
                {"id": 5, "text": ""}

                {"id": 6, "text": "Try our Pro plan! DM me", "reply_to": "Does the app work offline?"}
                {"id": 7, "text": "hi", "platforms": ["myspace"]}
                """.getBytes(StandardCharsets.UTF_8));
        file.write(bad);
        file.write("{\"id\": 9, \"text\": \"Thanks for the detailed bug report about the export timing out.\"}".getBytes(StandardCharsets.UTF_8));
        Files.write(in, file.toByteArray());

        Run r = run("review", "--batch", in.toString(), "--format", "json");
        assertThat(r.code()).as("bad lines make the run's exit code 2, as bad input does").isEqualTo(2);
        List<JsonNode> lines = r.lines();
        assertThat(lines).extracting(l -> l.get("id").isNull() ? null : l.get("id").asText())
                .containsExactly("1", "two", null, "4", "5", "6", "7", null, "9");
        assertThat(lines.get(0).get("findings").get(0).get("rule").asText()).isEqualTo("pitch.self-promo");
        assertThat(lines.get(1).get("findings").get(0).get("rule").asText()).isEqualTo("broadcast.same-text-everywhere");
        assertThat(lines.get(2).get("error").asText()).contains("line 3");
        assertThat(lines.get(3).get("error").asText()).contains("no \"text\"");
        assertThat(lines.get(4).get("error").asText()).contains("empty");
        assertThat(lines.get(5).get("findings").toString()).contains("pitch.unasked-offer");
        assertThat(lines.get(6).get("error").asText()).contains("myspace");
        assertThat(lines.get(7).get("error").asText()).contains("UTF-8");
        assertThat(lines.get(8).get("findings")).isEmpty();
        assertThat(lines.get(8).get("strengths").toString()).contains("specific-thanks");
    }

    @Test
    void tikTokYouTubePinterestAndRedditAreKnownWithTheirOwnLimits(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("cross.jsonl");
        String caption = "Our second bakery opens Saturday on Rua Augusta: the first hundred visitors get a free pastel de nata.";
        Files.writeString(in, "{\"id\": 1, \"text\": \"" + caption + "\", \"platforms\": [\"tiktok\", \"instagram\"]}\n"
                + "{\"id\": 2, \"text\": \"" + caption + "\", \"platforms\": [\"youtube-title\"]}\n"
                + "{\"id\": 3, \"text\": \"hi\", \"platforms\": [\"vine\"]}\n");
        Run r = run("review", "--batch", in.toString(), "--format", "json", "--no-remember");
        List<JsonNode> lines = r.lines();
        // a TikTok cross-post is compared with the Instagram one
        assertThat(lines.get(0).get("findings").toString()).contains("broadcast.same-text-everywhere");
        // 103 characters do not fit a YouTube title (100)
        assertThat(lines.get(1).get("findings").toString()).contains("platform.too-long").contains("a YouTube title");
        assertThat(lines.get(2).get("error").asText()).contains("vine").contains("tiktok").contains("youtube")
                .contains("pinterest").contains("reddit");
        assertBad(run("review", "--platform", "vine", "--text", "hi"), "Unknown platform 'vine'");
        assertThat(run("review", "-p", "reddit", "--text", "Our offline mode, explained #sync").out())
                .contains("1 hashtag for Reddit, where hashtags do nothing");
        assertThat(run("review", "-p", "tiktok", "--text", "New recipe is up, link in bio!").out()).doesNotContain("link-in-bio");
        assertThat(run("review", "-p", "youtube", "--kind", "comment", "--text", "x".repeat(6000)).out()).doesNotContain("too-long");
        assertThat(run("review", "-p", "youtube", "--text", "x".repeat(6000)).out()).contains("over its limit of 5000");
    }

    @Test
    void aBatchThatRemembersNothingIsReviewedOnEveryCoreAndAnsweredInInputOrder(@TempDir Path dir) throws Exception {
        List<String> drafts = List.of("Try our Pro plan, 50% off today! DM me",
                "Thanks for the detailed bug report about the export timing out.", "Subscribe to my channel");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            file.append(i % 7 == 3 ? "{\"id\": " + i + ", \"text\": " : "{\"id\": " + i + ", \"text\": \""
                    + drafts.get(i % 3) + "\"}").append('\n');
        }
        Path in = dir.resolve("many.jsonl");
        Files.writeString(in, file.toString());
        Run r = run("review", "--no-remember", "--batch", in.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(2);
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(600);
        for (int i = 0; i < 600; i++) {
            JsonNode l = lines.get(i);
            if (i % 7 == 3) {
                assertThat(l.get("id").isNull()).as("line %d", i + 1).isTrue();
                assertThat(l.get("error").asText()).contains("line " + (i + 1));
            } else {
                assertThat(l.get("id").asInt()).isEqualTo(i);
                // the same draft, the same review, wherever it is in the batch
                JsonNode first = lines.get(i % 3 == 0 ? 0 : i % 3);
                assertThat(l.get("findings")).isEqualTo(first.get("findings"));
                assertThat(l.get("strengths")).isEqualTo(first.get("strengths"));
            }
        }
        assertThat(lines.subList(0, 3)).as("the drafts differ in what is found").anySatisfy(l -> assertThat(l.get("findings")).isNotEmpty())
                .anySatisfy(l -> assertThat(l.get("findings")).isEmpty());
    }

    @Test
    void aBatchOfGoodLinesExitsZeroAndTwoObjectsOnOneLineAreABadLine(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.jsonl");
        Files.writeString(good, "{\"id\": 1, \"text\": \"Thanks for the detailed bug report about the export.\"}\n");
        assertThat(run("review", "--batch", good.toString(), "--format", "json").code()).isZero();

        Path two = dir.resolve("two.jsonl");
        Files.writeString(two, "{\"id\": 1, \"text\": \"first\"} {\"id\": 2, \"text\": \"second, not dropped in silence\"}\n");
        Run r = run("review", "--batch", two.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.lines()).singleElement().satisfies(l -> assertThat(l.get("error").asText()).contains("line 1"));
        assertThat(r.err()).contains("line 1");
    }

    @Test
    void halfAnEmojiInTheInputComesBackExactlyNotAsAQuestionMark(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("half.jsonl");
        Files.writeString(in, "{\"id\": \"a\\ud83d\", \"text\": \"Subscribe to my channel \\ud83d\"}\n");
        Run r = run("review", "--batch", in.toString(), "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{\"id\":\"a\\uD83D\"");
        assertThat(r.lines().get(0).get("id").asText()).isEqualTo("a\ud83d");
        Run text = run("review", "--batch", in.toString());
        assertThat(text.out()).contains("== a\uFFFD").doesNotContain("a?");
    }

    @Test
    void failOnTurnsFindingsIntoAnExitCodeForCi() {
        assertThat(run("review", "--fail-on", "problem", "--kind", "comment", "--text", "Subscribe to my channel").code()).isEqualTo(1);
        // on one's own feed, pointing to one's channel is only a hint
        assertThat(run("review", "--fail-on", "problem", "--text", "Subscribe to my channel").code()).isZero();
        assertThat(run("review", "--fail-on", "problem", "--text", "We fixed the export bug; thanks for the reports.").code()).isZero();
    }

    @Test
    void helpExplainsEveryOption() {
        Run r = run("review", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--platform", "--reply-to", "--format", "--batch", "--config", "--fail-on");
        assertThat(run("--help").out()).contains("review");
    }

    @Test
    void kindsAreCheckedAndChangeWhatIsSaid() throws Exception {
        Run bad = run("review", "--kind", "blog", "--text", "hello there");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown kind 'blog'").contains("post, a reply or a comment");
        Run post = run("review", "--kind", "post", "--reply-to", "hi?", "--text", "hello there");
        assertThat(post.code()).isEqualTo(2);
        assertThat(post.err()).contains("A post answers no message");
        JsonNode comment = run("review", "--format", "json", "--kind", "comment", "--text", "Subscribe to my channel").lines().get(0);
        assertThat(comment.get("findings").get(0).get("severity").asText()).isEqualTo("problem");
    }

    @Test
    void aReplyToOverTheLimitIsRefusedAndAnEmptyOneIsNone() throws Exception {
        Run longReply = run("review", "--reply-to", "x".repeat(40_001), "--text", "Thanks for asking!");
        assertThat(longReply.code()).isEqualTo(2);
        assertThat(longReply.err()).contains("replies to is 40001 characters");
        Run empty = run("review", "--format", "json", "--reply-to", "", "--text", "Thanks for asking, it ships Friday.");
        assertThat(empty.code()).isZero();
    }

    @Test
    void batchLinesCarryKindAndThreadAndABadKindIsThatLinesError(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        java.nio.file.Files.writeString(in, String.join("\n",
                "{\"id\": 1, \"text\": \"Subscribe to my channel\", \"kind\": \"comment\"}",
                "{\"id\": 2, \"text\": \"hello\", \"kind\": \"tweet\"}",
                "{\"id\": 3, \"text\": \"First.\\n\\nSecond.\", \"thread\": true}"));
        Run r = run("review", "--batch", in.toString(), "--format", "json");
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("findings").get(0).get("severity").asText()).isEqualTo("problem");
        assertThat(lines.get(1).get("error").asText()).contains("line 2").contains("Unknown kind 'tweet'");
        assertThat(lines.get(2).get("notes").toString()).contains("thread of 2 parts");
        assertThat(r.code()).as("a bad line makes the batch exit 2").isEqualTo(2);
    }

    @Test
    void aBatchFieldOfTheWrongKindIsThatLinesErrorNamingItAndOtherToolsFieldsAreLeftAlone(@TempDir Path dir)
            throws Exception {
        Path in = dir.resolve("in.jsonl");
        java.nio.file.Files.writeString(in, String.join("\n",
                "{\"id\": 1, \"text\": 42}",
                "{\"id\": 2, \"text\": \"First.\\n\\nSecond.\", \"thread\": \"yes\"}",
                "{\"id\": 3, \"text\": \"Spring menu is live.\", \"label\": \"genuine\", \"source\": \"export\"}"));
        Run r = run("review", "--batch", in.toString(), "--format", "json", "--no-remember");
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("error").asText()).isEqualTo("line 1: \"text\" must be a text in quotes");
        assertThat(lines.get(1).get("error").asText()).isEqualTo("line 2: \"thread\" must be true or false");
        assertThat(lines.get(2).has("findings")).isTrue();
        assertThat(r.code()).isEqualTo(2);
    }
}
