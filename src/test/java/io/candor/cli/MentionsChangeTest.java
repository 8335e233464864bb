package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.Candor;
import io.candor.TestTeam;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor mentions close|assign|dismiss|snooze|reopen}: the chat's operations on a mention
 * from the command line, by Candor's number or by platform and source id, with the chat's checks.
 */
class MentionsChangeTest {
    @TempDir
    Path dir;
    private String db;
    private String cfg;

    @BeforeEach
    void twoImportedMentions() throws Exception {
        db = dir.resolve("team").toString();
        Path config = Files.createDirectories(dir.resolve("config")).resolve("candor.yaml");
        Files.writeString(config, TestTeam.PEOPLE);
        cfg = config.toString();
        Path file = dir.resolve("mentions.csv");
        Files.writeString(file, """
                id,platform,author,text,received_at
                1799,x,@sam,Does it work offline?,2026-11-20
                3kq2x7,bluesky,@kim,Your app ate my notes,2026-11-21
                """);
        assertThat(run("mentions", "import", file.toString()).code()).isZero();
    }

    private CliRun run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--db";
        all[args.length + 1] = db;
        all[args.length + 2] = "-c";
        all[args.length + 3] = cfg;
        return CliRun.of(all);
    }

    private String listed() {
        return run("mentions", "list", "--all", "--format", "csv").out();
    }

    @Test
    void eachOperationWorksByNumberAndBySourceIdAndTheListShowsIt() {
        CliRun assigned = run("mentions", "assign", "x", "1799", "--to", "bob", "--as", "alice");
        assertThat(assigned.code()).as(assigned.err()).isZero();
        assertThat(assigned.out()).contains("#1 is now bob's.");
        assertThat(listed()).contains("1,x,1799,@sam,open,bob,");

        CliRun closed = run("mentions", "close", "#1", "--as", "bob");
        assertThat(closed.out()).contains("Marked #1 answered.");
        assertThat(listed()).contains("1,x,1799,@sam,answered,bob,");
        assertThat(run("mentions", "close", "1").out()).contains("Mention #1 is already answered; nothing changed.");

        CliRun reopened = run("mentions", "reopen", "x", "1799");
        assertThat(reopened.out()).contains("Reopened #1: it is waiting for an answer again.");
        assertThat(listed()).contains("1,x,1799,@sam,open,bob,");
        assertThat(run("mentions", "reopen", "1").out()).contains("Mention #1 is still open; nothing changed.");

        CliRun snoozed = run("mentions", "snooze", "bluesky", "3kq2x7", "--for", "4h");
        assertThat(snoozed.code()).isZero();
        assertThat(snoozed.out()).startsWith("Snoozed #2 until ");
        assertThat(listed()).containsPattern("2,bluesky,3kq2x7,@kim,open,,2026-11-21T00:00:00Z,20\\d\\d-");

        assertThat(run("mentions", "dismiss", "2").out()).contains("Dismissed #2");
        assertThat(listed()).contains("2,bluesky,3kq2x7,@kim,dismissed,");
    }

    @Test
    void anUnknownMentionOrPersonOrLengthIsOneClearLineAndChangesNothing() {
        String before = listed();
        CliRun noId = run("mentions", "close", "42");
        assertThat(noId.code()).isEqualTo(Candor.BAD_INPUT);
        assertThat(noId.err()).isEqualTo("candor: There is no mention #42: `candor mentions list --all` shows them with their numbers.\n");
        CliRun noSource = run("mentions", "dismiss", "x", "9999");
        assertThat(noSource.code()).isEqualTo(Candor.BAD_INPUT);
        assertThat(noSource.err()).contains("There is no mention from x with source id 9999");
        assertThat(run("mentions", "close", "first").err()).contains("'first' is not a mention: give Candor's number");
        CliRun nobody = run("mentions", "assign", "1", "--to", "dave");
        assertThat(nobody.code()).isEqualTo(Candor.BAD_INPUT);
        assertThat(nobody.err()).contains("I do not know 'dave'. People Candor knows: alice, bob, carol");
        CliRun badLength = run("mentions", "snooze", "1", "--for", "soon");
        assertThat(badLength.code()).isEqualTo(Candor.BAD_INPUT);
        assertThat(badLength.err()).contains("--for 'soon' is not a snooze length");
        assertThat(listed()).isEqualTo(before);
    }

    @Test
    void remindAtNextShowsTheNextRemindersAsTheChatDoes() {
        // mentions from November have waited long enough: the next reminder time has DMs
        CliRun next = run("remind", "--dry-run", "--at", "next");
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(next.out()).containsPattern("^Reminders as they would go out \\w{3} \\d{1,2} \\w{3} 09:30 UTC ")
                .contains("Mentions today: 2 waiting").contains("Does it work offline?");
        CliRun bad = run("remind", "--dry-run", "--at", "someday");
        assertThat(bad.code()).isEqualTo(Candor.BAD_INPUT);
        assertThat(bad.err()).contains("--at 'someday' is not a time: try next, now, tomorrow");
    }

    @Test
    void recountMendsCountsWrittenBehindCandorsBackAndSaysHowManyWereWrong() throws Exception {
        assertThat(run("mentions", "assign", "#1", "--to", "bob", "--as", "alice").code()).isZero();
        CliRun right = run("mentions", "recount");
        assertThat(right.code()).as(right.err()).isZero();
        assertThat(right.out()).contains("Counted 2 waiting mentions for 2 owners").contains("every kept count was right");

        // an older Candor, or a hand edit, closes a mention without touching the counts
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:" + db);
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE mentions SET state = 'answered' WHERE id = 1");
        }
        CliRun mended = run("mentions", "recount");
        assertThat(mended.code()).as(mended.err()).isZero();
        assertThat(mended.out()).contains("Counted 1 waiting mention for 1 owner").contains("1 kept count was wrong and is mended");
    }
}
