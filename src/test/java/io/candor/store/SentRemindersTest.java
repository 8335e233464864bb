package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.identity.PersonRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reminders' delivery log on H2 and on PostgreSQL, used by two instances at once. */
class SentRemindersTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final Optional<PersonRef> ALICE = Optional.of(PersonRef.named("alice"));

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void aReminderIsClaimedByOneInstanceOnlyAndRetriedOnlyWhenItsTimeComes(Backend backend) throws Exception {
        String url = backend.freshUrl();
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            SentReminders a = new SentReminders(one);
            SentReminders b = new SentReminders(two);
            List<Optional<SentReminders.Claim>> claims = new CopyOnWriteArrayList<>();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                SentReminders s = i % 2 == 0 ? a : b;
                all.add(CompletableFuture.runAsync(() -> claims.add(s.claim("dm:alice:2026-11-23", ALICE, DAY, 3, NOW))));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
            assertThat(claims.stream().filter(Optional::isPresent).count()).isEqualTo(1);

            b.failed("dm:alice:2026-11-23", NOW.plusSeconds(60), "DeliveryFailure: 500");
            assertThat(a.claim("dm:alice:2026-11-23", ALICE, DAY, 3, NOW.plusSeconds(30))).isEmpty();
            assertThat(a.claim("dm:alice:2026-11-23", ALICE, DAY, 3, NOW.plusSeconds(61)))
                    .get().extracting(SentReminders.Claim::attempt).isEqualTo(2);
            assertThat(b.claim("dm:alice:2026-11-23", ALICE, DAY, 3, NOW.plusSeconds(62))).isEmpty();
            a.delivered("dm:alice:2026-11-23", NOW.plusSeconds(63));
            assertThat(b.sent(DAY.minusDays(1), DAY.plusDays(1))).containsExactly("dm:alice:2026-11-23");
            assertThat(b.notDue(DAY, DAY, NOW.plusSeconds(70))).containsExactly("dm:alice:2026-11-23");
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void aReminderGivenUpOnIsNeverClaimedAgainNorCountedAsSent(Backend backend) {
        try (Database d = Database.open(backend.freshUrl())) {
            SentReminders log = new SentReminders(d);
            assertThat(log.claim("summary:2026-11-23", Optional.empty(), DAY, 12, NOW)).isPresent();
            log.failed("summary:2026-11-23", null, "DeliveryFailure: 403");
            assertThat(log.claim("summary:2026-11-23", Optional.empty(), DAY, 12, NOW.plusSeconds(3600))).isEmpty();
            assertThat(log.sent(DAY, DAY)).isEmpty();
            assertThat(log.notDue(DAY, DAY, NOW.plusSeconds(3600))).containsExactly("summary:2026-11-23");
            // another day's reminder is its own
            assertThat(log.claim("summary:2026-11-24", Optional.empty(), DAY.plusDays(1), 12, NOW.plusSeconds(86_400)))
                    .get().extracting(SentReminders.Claim::attempt).isEqualTo(1);
        }
    }
}
