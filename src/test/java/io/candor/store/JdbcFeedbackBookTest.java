package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.chat.ChatUser;
import io.candor.chat.Feedback;
import io.candor.identity.SurfaceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs on H2 and on PostgreSQL ({@link Backend}). */
class JdbcFeedbackBookTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final ChatUser ana = ChatUser.of(SurfaceKind.SLACK, "T1", "U1", "ana");
    private final ChatUser bo = ChatUser.of(SurfaceKind.DISCORD, "G1", "U1", "bo");

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void mutedRuleSurvivesARestartAndStaysPersonal(Backend backend) {
        String location = backend.freshUrl();
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

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void muteTwiceThenUnmuteOnce(Backend backend) {
        try (Database db = Database.open(backend.freshUrl())) {
            JdbcFeedbackBook book = new JdbcFeedbackBook(db, CLOCK);
            book.record(ana, "context.bare-link", Feedback.MUTE);
            book.record(ana, "context.bare-link", Feedback.MUTE);
            assertThat(book.muted(ana)).containsExactly("context.bare-link");
            assertThat(book.unmute(ana, "context.bare-link")).isTrue();
            assertThat(book.unmute(ana, "context.bare-link")).isFalse();
            assertThat(book.muted(ana)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void everyPressIsCountedPerRuleAndKind(Backend backend) {
        try (Database db = Database.open(backend.freshUrl())) {
            JdbcFeedbackBook book = new JdbcFeedbackBook(db, CLOCK);
            book.record(ana, "claims.superlative", Feedback.HELPFUL);
            book.record(bo, "claims.superlative", Feedback.HELPFUL);
            book.record(bo, "claims.superlative", Feedback.NOT_HELPFUL);
            assertThat(book.tally()).isEqualTo(Map.of("claims.superlative",
                    Map.of(Feedback.HELPFUL, 2, Feedback.NOT_HELPFUL, 1)));
            assertThat(book.muted(bo)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void aMuteOnOneInstanceHoldsOnTheOtherEvenWhenBothPressAtOnce(Backend backend) throws Exception {
        String url = backend.freshUrl();
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            JdbcFeedbackBook a = new JdbcFeedbackBook(one, CLOCK);
            JdbcFeedbackBook b = new JdbcFeedbackBook(two, CLOCK);
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> a.record(ana, "pitch.hype", Feedback.MUTE)),
                    CompletableFuture.runAsync(() -> b.record(ana, "pitch.hype", Feedback.MUTE))).get();
            assertThat(b.muted(ana)).containsExactly("pitch.hype");
            assertThat(a.unmute(ana, "pitch.hype")).isTrue();
            assertThat(b.muted(ana)).isEmpty();
        }
    }
}
