package io.candor.history;

import io.candor.remind.TestClock;
import static io.candor.history.Fixture.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.store.StoreUnavailableException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the database cannot be used, reviews still run and say that history was not checked. */
class HistoryFaultsTest {
    private static final String PITCH = "Check out my channel and subscribe! DM me for a deal";
    @TempDir
    Path dir;

    private Review reviewWithout(String why) {
        History h = History.unavailable(Fixture.settings(), new TestClock(Fixture.NOW), why);
        return new HistoryReviewer(Fixture.RULES, h, Fixture.HISTORY_RULES, new TestClock(Fixture.NOW), true)
                .review(draft(PITCH, "Rui", "cli"));
    }

    private String openFails(String location) {
        try {
            History.open(location, Fixture.settings(), new TestClock(Fixture.NOW)).close();
        } catch (StoreUnavailableException e) {
            Review r = reviewWithout(e.getMessage());
            // the rules still ran and the note says why history is missing
            assertThat(r.findings()).extracting(Finding::category).map(Enum::name).contains("PITCH");
            assertThat(r.notes()).singleElement().asString().startsWith("History is unavailable").contains(e.getMessage());
            return e.getMessage();
        }
        throw new AssertionError("opening " + location + " should have failed");
    }

    @Test
    void lockedByAnotherProcess() throws Exception {
        Path db = dir.resolve("locked");
        History.open(db.toString(), Fixture.settings(), new TestClock(Fixture.NOW)).close();
        try (FileChannel ch = FileChannel.open(Path.of(db + ".mv.db"), StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            assertThat(lock.isValid()).isTrue();
            assertThat(openFails(db.toString())).contains("locked by another Candor process");
        }
    }

    @Test
    void corruptFile() throws Exception {
        Path db = dir.resolve("corrupt");
        byte[] junk = new byte[8192];
        new java.util.Random(7).nextBytes(junk);
        Files.write(Path.of(db + ".mv.db"), junk);
        assertThat(openFails(db.toString())).contains("cannot be used");
    }

    @Test
    void folderCannotExist() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThat(openFails(file.resolve("history").toString())).contains("cannot be used");
    }

    @Test
    void readOnlyDatabaseStillReviewsAndSaysTheDraftWasNotKept() {
        Path db = dir.resolve("ro");
        History.open(db.toString(), Fixture.settings(), new TestClock(Fixture.NOW)).close();
        String url = "jdbc:h2:file:" + db.toAbsolutePath() + ";ACCESS_MODE_DATA=r";
        History h;
        try {
            h = History.open(url, Fixture.settings(), new TestClock(Fixture.NOW));
        } catch (StoreUnavailableException e) {
            assertThat(e.getMessage()).contains("read-only");
            return; // refused at open: covered by openFails' behaviour
        }
        try (h) {
            Review r = new HistoryReviewer(Fixture.RULES, h, Fixture.HISTORY_RULES, new TestClock(Fixture.NOW), true)
                    .review(draft(PITCH, "Rui", "cli"));
            assertThat(r.findings()).isNotEmpty();
            assertThat(r.notes()).singleElement().asString().startsWith("This draft could not be added to the history")
                    .contains("read-only");
        }
    }

    @Test
    void databaseGoneMidSessionKeepsReviewing() {
        Fixture fx = new Fixture();
        fx.seed("Our office will be closed on Friday for the team retreat; support resumes Monday.", "Ana", 1);
        fx.history.close(); // the pool is gone: as if the disk or server disappeared
        Review r = fx.reviewer(true).review(draft("Our office will be closed on Friday for the team retreat; support resumes Monday.", "Rui", "cli"));
        // the in-memory index still knows the earlier post; only remembering failed
        assertThat(r.findings()).extracting(Finding::rule).contains("broadcast.repeat");
        assertThat(r.notes()).singleElement().asString().startsWith("This draft could not be added to the history");
    }

    @Test
    void diskFullIsSaidPlainly() {
        assertThatThrownBy(() -> {
            throw io.candor.store.StoreFaults.describe("data/candor", new java.io.IOException("No space left on device"));
        }).hasMessage("the database at data/candor cannot be used: the disk is full");
    }
}
