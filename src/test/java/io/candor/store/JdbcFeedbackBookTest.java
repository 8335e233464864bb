package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.chat.ChatUser;
import io.candor.chat.Feedback;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcFeedbackBookTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final ChatUser ana = ChatUser.of("slack", "T1", "U1", "ana");
    private final ChatUser bo = ChatUser.of("discord", "G1", "U1", "bo");

    @Test
    void mutedRuleSurvivesARestartAndStaysPersonal(@TempDir Path dir) {
        String location = dir.resolve("candor").toString();
        try (Database db = Database.open(location)) {
            JdbcFeedbackBook book = new JdbcFeedbackBook(db, CLOCK);
            book.record(ana, "pitch.unasked-offer", Feedback.MUTE);
            book.record(ana, "claims.superlative", Feedback.HELPFUL);
        }
        try (Database db = Database.open(location)) {
            JdbcFeedbackBook book = new JdbcFeedbackBook(db, CLOCK);
            assertThat(book.muted(ana)).containsExactly("pitch.unasked-offer");
            // same user id on another surface is another person
            assertThat(book.muted(bo)).isEmpty();
        }
    }

    @Test
    void muteTwiceThenUnmuteOnce(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("candor").toString())) {
            JdbcFeedbackBook book = new JdbcFeedbackBook(db, CLOCK);
            book.record(ana, "context.bare-link", Feedback.MUTE);
            book.record(ana, "context.bare-link", Feedback.MUTE);
            assertThat(book.muted(ana)).containsExactly("context.bare-link");
            assertThat(book.unmute(ana, "context.bare-link")).isTrue();
            assertThat(book.unmute(ana, "context.bare-link")).isFalse();
            assertThat(book.muted(ana)).isEmpty();
        }
    }

    @Test
    void everyPressIsCountedPerRuleAndKind(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("candor").toString())) {
            JdbcFeedbackBook book = new JdbcFeedbackBook(db, CLOCK);
            book.record(ana, "claims.superlative", Feedback.HELPFUL);
            book.record(bo, "claims.superlative", Feedback.HELPFUL);
            book.record(bo, "claims.superlative", Feedback.NOT_HELPFUL);
            assertThat(book.tally()).isEqualTo(Map.of("claims.superlative",
                    Map.of(Feedback.HELPFUL, 2, Feedback.NOT_HELPFUL, 1)));
            assertThat(book.muted(bo)).isEmpty();
        }
    }
}
