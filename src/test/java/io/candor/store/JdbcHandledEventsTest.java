package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.identity.SurfaceKind;
import io.candor.remind.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An event offered to several instances at once is handled by exactly one of them, on H2 and PostgreSQL. */
class JdbcHandledEventsTest {
    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void eachEventIsClaimedOnceAcrossInstances(Backend backend) throws Exception {
        String url = backend.freshUrl();
        TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
        try (Database one = Database.open(url); Database two = Database.open(url); Database three = Database.open(url)) {
            List<JdbcHandledEvents> instances = List.of(new JdbcHandledEvents(one, clock),
                    new JdbcHandledEvents(two, clock), new JdbcHandledEvents(three, clock));
            AtomicInteger won = new AtomicInteger();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int event = 0; event < 50; event++) {
                String key = "interaction:" + (1_300_000_000_000_000_000L + event);
                for (JdbcHandledEvents h : instances) {
                    all.add(CompletableFuture.runAsync(() -> {
                        if (h.claim(SurfaceKind.DISCORD, key)) {
                            won.incrementAndGet();
                        }
                    }));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
            assertThat(won.get()).isEqualTo(50);
            // another surface's id is another event; a missing id is never a repeat
            assertThat(instances.get(0).claim(SurfaceKind.SLACK, "interaction:1300000000000000000")).isTrue();
            assertThat(instances.get(1).claim(SurfaceKind.SLACK, null)).isTrue();
            assertThat(instances.get(1).claim(SurfaceKind.SLACK, null)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void keysOlderThanADayAreSweptAndNotHeldAgainstANewEvent(Backend backend) {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
        try (Database db = Database.open(backend.freshUrl())) {
            JdbcHandledEvents h = new JdbcHandledEvents(db, clock);
            for (int i = 0; i < 20; i++) {
                assertThat(h.claim(SurfaceKind.SLACK, "event:Ev" + i)).isTrue();
            }
            assertThat(h.stored()).isEqualTo(20);
            clock.advance(JdbcHandledEvents.KEEP.plus(Duration.ofMinutes(11)));
            assertThat(h.claim(SurfaceKind.SLACK, "event:EvNew")).isTrue();
            assertThat(h.stored()).isEqualTo(1);
            // a fresh instance (nothing in its memory) still sees the recent key as taken
            assertThat(new JdbcHandledEvents(db, clock).claim(SurfaceKind.SLACK, "event:EvNew")).isFalse();
        }
    }
}
