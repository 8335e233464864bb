package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.candor.identity.PersonRef;
import io.candor.mention.model.Ingested;
import io.candor.mention.model.MentionState;
import io.candor.mention.model.NewMention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mentions store on H2 and on PostgreSQL, used by two instances at once (two pools on
 * one database), as several {@code candor serve} behind a load balancer use it.
 */
class MentionStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456Z");

    private static NewMention mention(String id) {
        return new NewMention("x", id, "@sam", "Does the app work offline? ünïcødé 🌸", "https://x.com/sam/" + id,
                NOW.minusSeconds(3600), Optional.empty(), null);
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void theSameMentionSentToTwoInstancesAtOnceIsStoredOnceAndKeepsItsText(Backend backend) throws Exception {
        String url = backend.freshUrl();
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            MentionStore a = new MentionStore(one);
            MentionStore b = new MentionStore(two);
            List<Ingested> results = new CopyOnWriteArrayList<>();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                MentionStore s = i % 2 == 0 ? a : b;
                all.add(CompletableFuture.runAsync(() -> results.addAll(
                        s.ingest(List.of(mention("1799"), mention("1800")), "webhook", NOW, m -> Optional.of(PersonRef.named("alice"))))));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
            assertThat(results.stream().filter(Ingested::created).count()).isEqualTo(2);
            assertThat(a.count()).isEqualTo(2);
            var stored = b.listed(List.of(MentionState.OPEN, MentionState.IN_PROGRESS), MentionStore.Whose.ANYONE, 100);
            assertThat(stored).extracting(m -> m.sourceId()).containsExactly("1799", "1800");
            assertThat(stored.get(0).text()).isEqualTo("Does the app work offline? ünïcødé 🌸");
            assertThat(stored.get(0).receivedAt()).isEqualTo(NOW.minusSeconds(3600));
            assertThat(stored.get(0).assignee().map(PersonRef::key)).hasValue("alice");
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void listsAreOldestFirstAcrossOpenAndInProgressAndStopAtTheLimit(Backend backend) {
        try (Database d = Database.open(backend.freshUrl())) {
            MentionStore store = new MentionStore(d);
            List<NewMention> batch = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                // received out of order, two at the same instant (then the lower id comes first)
                Instant at = NOW.minusSeconds(600L * ((i * 5) % 12)).minusSeconds(i == 7 ? 600 : 0);
                batch.add(new NewMention("x", "s" + i, "@sam", "text " + i, null, at, i % 3 == 0 ? Optional.of(PersonRef.named("bob")) : Optional.empty(), null));
            }
            List<Long> ids = store.ingest(batch, "webhook", NOW, m -> m.assignee()).stream().map(r -> r.mention().id()).toList();
            store.change(ids.get(1), "bob", NOW, MentionStore.Change.state(MentionState.IN_PROGRESS, "started", null));
            store.change(ids.get(3), "bob", NOW, MentionStore.Change.state(MentionState.IN_PROGRESS, "started", null));
            store.change(ids.get(4), "bob", NOW, MentionStore.Change.state(MentionState.ANSWERED, "done", null));
            List<MentionState> waiting = List.of(MentionState.OPEN, MentionState.IN_PROGRESS);

            List<io.candor.mention.model.Mention> all = store.listed(waiting, MentionStore.Whose.ANYONE, 100);
            assertThat(all).hasSize(11).isSortedAccordingTo(java.util.Comparator
                    .comparing(io.candor.mention.model.Mention::receivedAt).thenComparing(io.candor.mention.model.Mention::id));
            assertThat(store.listed(waiting, MentionStore.Whose.ANYONE, 5)).isEqualTo(all.subList(0, 5));
            assertThat(store.listed(List.of(), MentionStore.Whose.ANYONE, 100)).hasSize(12);
            assertThat(store.listed(waiting, MentionStore.Whose.of(PersonRef.named("bob")), 100))
                    .isEqualTo(all.stream().filter(m -> m.assignee().equals(Optional.of(PersonRef.named("bob")))).toList())
                    .isEqualTo(store.waitingFor(PersonRef.named("bob"), 100)).hasSize(4);
            assertThat(store.waitingFor(PersonRef.named("bob"), 3)).hasSize(3);
            assertThat(store.countWaiting(MentionStore.Whose.of(PersonRef.named("bob")))).isEqualTo(4);
            assertThat(store.countWaiting(MentionStore.Whose.NOBODY)).isEqualTo(7);
            assertThat(store.unassigned(4)).isEqualTo(all.stream().filter(m -> m.assignee().isEmpty()).limit(4).toList());
            assertThat(store.listed(List.of(MentionState.IN_PROGRESS), MentionStore.Whose.ANYONE, 1)).extracting(m -> m.id())
                    .containsExactly(all.stream().filter(m -> m.state() == MentionState.IN_PROGRESS).findFirst().get().id());
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void aRemindersCountsLeaveOutTheYoungTheSnoozedAndTheClosedAndItsLinesAreTheOldest(Backend backend) {
        try (Database d = Database.open(backend.freshUrl())) {
            MentionStore store = new MentionStore(d);
            List<NewMention> batch = new ArrayList<>();
            String[] owners = {"bob", null, "ann", "bob", "bob", null, "ann", "bob"};
            for (int i = 0; i < owners.length; i++) { // s0 the oldest, an hour apart
                batch.add(new NewMention("x", "s" + i, "@sam", "text " + i, null, NOW.minusSeconds(3600L * (10 - i)),
                        Optional.ofNullable(owners[i]).map(PersonRef::named), null));
            }
            List<Long> ids = store.ingest(batch, "webhook", NOW, m -> m.assignee()).stream().map(r -> r.mention().id()).toList();
            store.change(ids.get(3), "bob", NOW, MentionStore.Change.state(MentionState.IN_PROGRESS, "started", null));
            store.change(ids.get(4), "bob", NOW, MentionStore.Change.state(MentionState.ANSWERED, "done", null));
            store.change(ids.get(0), "bob", NOW, MentionStore.Change.snoozed(NOW.plusSeconds(60)));
            store.change(ids.get(6), "ann", NOW, MentionStore.Change.snoozed(NOW)); // a snooze that ends now is over
            Optional<Instant> dueBy = Optional.of(NOW.minusSeconds(3 * 3600 + 1)); // s7, three hours old, is too young
            Optional<Instant> escalatedBy = Optional.of(NOW.minusSeconds(8 * 3600));

            List<MentionStore.OwnerCount> counts = store.waitingByOwner(NOW, dueBy, escalatedBy);
            // oldest first: nobody's s1, ann's s2, bob's s3 (s0 snoozed)
            assertThat(counts).containsExactly(
                    new MentionStore.OwnerCount(Optional.empty(), 2, 1),
                    new MentionStore.OwnerCount(Optional.of(PersonRef.named("ann")), 2, 1),
                    new MentionStore.OwnerCount(Optional.of(PersonRef.named("bob")), 1, 0));
            assertThat(store.oldestDue(MentionStore.Whose.of(PersonRef.named("ann")), NOW, dueBy, 5))
                    .extracting(m -> m.sourceId()).containsExactly("s2", "s6");
            assertThat(store.oldestDue(MentionStore.Whose.of(PersonRef.named("ann")), NOW, dueBy, 1))
                    .extracting(m -> m.text()).containsExactly("text 2");
            assertThat(store.oldestDue(MentionStore.Whose.NOBODY, NOW, dueBy, 5)).extracting(m -> m.sourceId())
                    .containsExactly("s1", "s5");
            // no age at all: the young one counts, and every one is past an escalation age of nothing
            assertThat(store.waitingByOwner(NOW, Optional.empty(), Optional.empty())).filteredOn(c -> c.owner().isPresent()
                    && c.owner().get().key().equals("bob")).containsExactly(new MentionStore.OwnerCount(Optional.of(PersonRef.named("bob")), 2, 2));
            assertThat(store.waitingByOwner(NOW.plusSeconds(61), dueBy, escalatedBy)).filteredOn(c -> c.owner().isPresent()
                    && c.owner().get().key().equals("bob")).extracting(MentionStore.OwnerCount::waiting).containsExactly(2);
            // who holds mentions at all, one seek each, and whether one has anything due
            assertThat(store.owners(2)).hasValue(List.of(PersonRef.named("ann"), PersonRef.named("bob")));
            assertThat(store.owners(1)).isEmpty();
            assertThat(store.anyDue(MentionStore.Whose.of(PersonRef.named("ann")), NOW, dueBy)).isTrue();
            assertThat(store.anyDue(MentionStore.Whose.of(PersonRef.named("carl")), NOW, dueBy)).isFalse();
            assertThat(store.anyDue(MentionStore.Whose.ANYONE, NOW, Optional.of(NOW.minusSeconds(11 * 3600)))).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void aMentionTakenInByOneInstanceIsAssignedAndClosedFromTheOther(Backend backend) {
        String url = backend.freshUrl();
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            MentionStore a = new MentionStore(one);
            MentionStore b = new MentionStore(two);
            long id = a.ingest(List.of(mention("42")), "webhook", NOW, m -> Optional.empty()).get(0).mention().id();
            b.change(id, "alice", NOW, MentionStore.Change.owner(PersonRef.named("bob")));
            assertThat(a.waitingFor(PersonRef.named("bob"), 10)).extracting(m -> m.id()).containsExactly(id);
            b.change(id, "bob", NOW.plusSeconds(60), MentionStore.Change.state(MentionState.ANSWERED, "done", null));
            assertThat(a.find(id)).get().extracting(m -> m.state()).isEqualTo(MentionState.ANSWERED);
            assertThat(a.listed(List.of(MentionState.OPEN, MentionState.IN_PROGRESS), MentionStore.Whose.ANYONE, 100)).isEmpty();
            assertThat(a.history(id)).extracting(e -> e.action()).containsExactly("received", "assigned", "done");
            assertThat(b.change(id + 1000, "bob", NOW, MentionStore.Change.state(MentionState.ANSWERED, "done", null)))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void aValueTooLongForItsColumnIsRefusedByNameAndNothingOfTheBatchIsStored(Backend backend) {
        try (Database db = Database.open(backend.freshUrl())) {
            MentionStore s = new MentionStore(db);
            NewMention tooLong = new NewMention("x", "9".repeat(250), "@sam", "hello", null, NOW, Optional.empty(), null);
            assertThatThrownBy(() -> s.ingest(List.of(mention("1"), tooLong), "webhook", NOW, m -> Optional.empty()))
                    .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                        assertThat(e.rejected()).isTrue();
                        assertThat(e.getMessage()).doesNotContain("9999999999");
                    });
            assertThat(s.count()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void eachPersonsCountFollowsEveryChangeMadeByTwoInstancesAtOnceAndTheRemindersCountAsFromTheRows(Backend backend)
            throws Exception {
        String url = backend.freshUrl();
        List<Optional<PersonRef>> owners = List.of(Optional.empty(), Optional.of(PersonRef.named("ann")),
                Optional.of(PersonRef.named("bob")), Optional.of(PersonRef.parse("slack:T1:U9")));
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            MentionStore a = new MentionStore(one);
            MentionStore b = new MentionStore(two);
            List<Long> ids = new CopyOnWriteArrayList<>();
            List<CompletableFuture<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                MentionStore store = w == 0 ? a : b;
                java.util.Random random = new java.util.Random(40 + w);
                String prefix = "w" + w + "-";
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 150; i++) {
                        int op = ids.size() < 10 ? 0 : random.nextInt(5);
                        long id = ids.isEmpty() ? 0 : ids.get(random.nextInt(ids.size()));
                        Optional<PersonRef> owner = owners.get(random.nextInt(owners.size()));
                        switch (op) {
                            case 0 -> store.ingest(List.of(new NewMention("x", prefix + i, "@sam", "text " + i, null,
                                    NOW.minusSeconds(60L * random.nextInt(3000)), owner, null)), "webhook", NOW,
                                    m -> m.assignee()).forEach(r -> ids.add(r.mention().id()));
                            case 1 -> store.change(id, "ann", NOW, MentionStore.Change.state(
                                    MentionState.values()[random.nextInt(MentionState.values().length)], "set", null));
                            case 2 -> owner.ifPresent(o -> store.change(id, "ann", NOW, MentionStore.Change.owner(o)));
                            case 3 -> store.change(id, "ann", NOW, MentionStore.Change.snoozed(NOW.plusSeconds(
                                    60L * (random.nextInt(120) - 60))));
                            default -> store.find(id).ifPresent(m -> store.answerIfWaiting("x", m.sourceId(), "x",
                                    NOW, "replied"));
                        }
                    }
                }));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();

            List<MentionState> waiting = List.of(MentionState.OPEN, MentionState.IN_PROGRESS);
            for (Optional<PersonRef> owner : owners) {
                MentionStore.Whose whose = owner.<MentionStore.Whose>map(MentionStore.Whose::of).orElse(MentionStore.Whose.NOBODY);
                assertThat(b.countWaiting(whose)).as("count of %s", owner).isEqualTo(a.listed(waiting, whose, 10_000).size());
            }
            // the reminders' counts, from the kept counts, are those of one pass over the rows
            for (int minutes : new int[] {0, 30, 600, 2000}) {
                for (int more : new int[] {0, 90, 1500}) {
                    Optional<Instant> dueBy = minutes == 0 ? Optional.empty() : Optional.of(NOW.minusSeconds(60L * minutes));
                    Optional<Instant> escalatedBy = more == 1500 && minutes == 0 ? Optional.empty()
                            : Optional.of(NOW.minusSeconds(60L * (minutes + more)));
                    assertThat(a.waitingByOwner(NOW, dueBy, escalatedBy)).as("due by %s, escalated by %s", dueBy, escalatedBy)
                            .isNotEmpty().isEqualTo(a.countedInOnePass(NOW, dueBy, escalatedBy));
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aDatabaseFromBeforeTheKeptCountsGetsThemFromItsMentions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String url = "jdbc:h2:" + dir.resolve("candor");
        org.flywaydb.core.Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").target("13")
                .load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "", "");
             java.sql.Statement s = c.createStatement()) {
            String[][] rows = {{"ann", "open"}, {"ann", "in_progress"}, {"ann", "answered"}, {null, "open"}, {"bob", "dismissed"}};
            for (int i = 0; i < rows.length; i++) {
                s.execute("INSERT INTO mentions (platform, source_id, author, text, received_at, assignee, state, created_at)"
                        + " VALUES ('x', 's" + i + "', '@sam', 'hi', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00', "
                        + (rows[i][0] == null ? "NULL" : "'" + rows[i][0] + "'") + ", '" + rows[i][1]
                        + "', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00')");
            }
        }
        try (Database d = Database.open(dir.resolve("candor").toString())) {
            MentionStore store = new MentionStore(d);
            assertThat(store.countWaiting(MentionStore.Whose.of(PersonRef.named("ann")))).isEqualTo(2);
            assertThat(store.countWaiting(MentionStore.Whose.NOBODY)).isEqualTo(1);
            assertThat(store.countWaiting(MentionStore.Whose.of(PersonRef.named("bob")))).isZero();
        }
    }
}
