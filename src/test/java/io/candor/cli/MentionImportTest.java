package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.Candor;
import io.candor.TestTeam;
import io.candor.identity.PersonRef;
import io.candor.mention.model.Mention;
import io.candor.store.MentionStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MentionImportTest {
    private final TestTeam team = TestTeam.create(TestTeam.PEOPLE, Instant.parse("2026-11-23T10:00:00Z"));
    private final MentionImport importer = new MentionImport(team.m.tracker(), team.m.input(), team.m.prompts(), team.clock);

    @AfterEach
    void close() {
        team.close();
    }

    private MentionImport.Result run(String content, MentionImport.Format f) throws Exception {
        List<Long> progress = new ArrayList<>();
        MentionImport.Result r = importer.run(new BufferedReader(new StringReader(content)), f, "test", progress::add);
        assertThat(progress).isSorted();
        return r;
    }

    @Test
    void csvWithQuotesAndLineBreaksAndBadRowsByLine() throws Exception {
        String csv = """
                \uFEFFid,platform,author,text,url,received_at,assignee
                1,x,@sam,"Does it work offline?",https://x.com/sam/status/1,2026-11-20T10:00:00Z,bob
                2,bluesky,@ann,"She said ""hi""
                and more",,,
                3,x,@joe,,,,
                4,x,@kim,hello,,not-a-time,
                5,x,@lee,hey,,,dave
                1,x,@sam,again,,,
                """;
        MentionImport.Result r = run(csv, MentionImport.Format.CSV);
        assertThat(r.total()).isEqualTo(6);
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.known()).isEqualTo(1);
        assertThat(r.bad()).extracting(MentionImport.BadRow::line).containsExactly(5, 6, 7);
        assertThat(r.bad().get(0).why()).contains("\"text\" is missing");
        assertThat(r.bad().get(2).why()).contains("'dave' is not a known person");
        Mention two = team.m.store().listed(List.of(), MentionStore.Whose.ANYONE, 100).stream().filter(m -> m.sourceId().equals("2")).findFirst().orElseThrow();
        assertThat(two.text()).isEqualTo("She said \"hi\"\nand more");
        Mention one = team.m.store().find(1).orElseThrow();
        assertThat(one.assignee().map(PersonRef::key)).hasValue("bob");
        assertThat(one.receivedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void anUnclosedQuoteIsOneBadRowAtTheLineItOpensOnAndWhatCameBeforeIsKept() throws Exception {
        String csv = """
                id,platform,author,text
                1,x,@sam,fine
                2,x,@ann,"never closed
                3,x,@joe,swallowed by the quote
                """;
        MentionImport.Result r = run(csv, MentionImport.Format.CSV);
        assertThat(r.created()).isEqualTo(1);
        assertThat(r.bad()).singleElement().isEqualTo(new MentionImport.BadRow(3, "an unclosed quote"));
    }

    @Test
    void jsonlWithABrokenLine() throws Exception {
        String jsonl = """
                {"id": "a", "platform": "x", "author": "@a", "text": "one"}

                {"id": "b", "platform": "x", "author": "@b", "text": "two"
                {"id": "c", "platform": "x", "author": "@c", "text": "three", "extra": 1}
                {"id": "d", "platform": "x", "author": "@d", "text": "four"}
                """;
        MentionImport.Result r = run(jsonl, MentionImport.Format.JSONL);
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.bad()).extracting(MentionImport.BadRow::line).containsExactly(3, 4);
        assertThat(r.bad().get(1).why()).contains("unknown field \"extra\"");
        assertThat(team.m.store().count()).isEqualTo(2);
    }

    @Test
    void aDatabaseThatRefusesTheRowsIsOneLineAndExitTwoNotAStackTrace() throws Exception {
        String url = TestTeam.memoryUrl();
        try (io.candor.store.Database db = io.candor.store.Database.open(url)) {
            db.inTransaction(c -> c.createStatement().execute("ALTER TABLE mentions ADD CONSTRAINT refuse_all CHECK (id < 0)"));
            Path file = Files.createTempFile("mentions", ".jsonl");
            Files.writeString(file, "{\"id\": \"a\", \"platform\": \"x\", \"author\": \"@a\", \"text\": \"private words\"}\n");
            PrintStream old = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = Candor.run("mentions", "import", file.toString(), "--db", url);
            } finally {
                System.setErr(old);
            }
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(2);
            // the progress bar shares stderr (and may not end its line): the error closes the output
            assertThat(said.strip()).endsWith("candor: the mentions database failed: the database refused a value (SQLState 23513)");
            assertThat(said).doesNotContain("private words").doesNotContain("\tat ");
        }
    }
}
