package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network cursors on H2 and PostgreSQL: one instance at a time holds an account's lease,
 * even when several ask at the very same moment; a lease runs out, or is let go, and another
 * instance takes over with the cursor where the first left it.
 */
class NetworkCursorStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ACCOUNT = "mastodon:mastodon.example:109000000000000001";

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void oneInstanceHoldsTheLeaseEvenWhenSeveralAskAtOnce(Backend backend) throws Exception {
        String url = backend.freshUrl();
        try (Database one = Database.open(url); Database two = Database.open(url); Database three = Database.open(url)) {
            List<NetworkCursorStore> instances = List.of(new NetworkCursorStore(one), new NetworkCursorStore(two),
                    new NetworkCursorStore(three));
            for (int round = 0; round < 10; round++) {
                String account = ACCOUNT + ":" + round;
                AtomicInteger held = new AtomicInteger();
                List<CompletableFuture<?>> all = new ArrayList<>();
                for (int i = 0; i < instances.size(); i++) {
                    NetworkCursorStore s = instances.get(i);
                    String owner = "instance-" + i;
                    all.add(CompletableFuture.runAsync(() -> {
                        if (s.lease(account, owner, NOW, NOW.plusSeconds(30))) {
                            held.incrementAndGet();
                        }
                    }));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
                assertThat(held.get()).as("round " + round).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void theCursorIsSavedByTheHolderOnlyAndAnotherTakesOverWhenTheLeaseRunsOutOrIsLetGo(Backend backend) {
        try (Database db = Database.open(backend.freshUrl())) {
            NetworkCursorStore store = new NetworkCursorStore(db);
            assertThat(store.cursor(ACCOUNT)).isEqualTo(NetworkCursorStore.Cursor.NONE);
            assertThat(store.lease(ACCOUNT, "a", NOW, NOW.plusSeconds(30))).isTrue();
            assertThat(store.lease(ACCOUNT, "a", NOW.plusSeconds(5), NOW.plusSeconds(35))).isTrue(); // renewed
            assertThat(store.lease(ACCOUNT, "b", NOW.plusSeconds(10), NOW.plusSeconds(40))).isFalse();

            assertThat(store.save(ACCOUNT, "a", new NetworkCursorStore.Cursor("n-100", null), NOW, NOW.plusSeconds(30))).isTrue();
            assertThat(store.save(ACCOUNT, "a", new NetworkCursorStore.Cursor(null, "p-7"), NOW, NOW.plusSeconds(30))).isTrue();
            assertThat(store.save(ACCOUNT, "b", new NetworkCursorStore.Cursor("n-999", "p-999"), NOW, NOW.plusSeconds(30))).isFalse();
            assertThat(store.cursor(ACCOUNT)).isEqualTo(new NetworkCursorStore.Cursor("n-100", "p-7"));

            // a dies: once its lease has run out, b takes over where a got to
            Instant later = NOW.plus(Duration.ofMinutes(1));
            assertThat(store.lease(ACCOUNT, "b", later, later.plusSeconds(30))).isTrue();
            assertThat(store.save(ACCOUNT, "a", new NetworkCursorStore.Cursor("n-stale", null), later, later)).isFalse();
            assertThat(store.cursor(ACCOUNT).notifications()).isEqualTo("n-100");

            // b stops and lets go: a takes it back at once
            store.release(ACCOUNT, "b");
            assertThat(store.lease(ACCOUNT, "a", later, later.plusSeconds(30))).isTrue();
        }
    }
}
