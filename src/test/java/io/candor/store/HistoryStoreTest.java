package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The history tables on H2 and on PostgreSQL, written by one instance and read by another. */
class HistoryStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static HistoryRow row(String text, Instant at, Long importKey) {
        byte[] sig = new byte[128];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = (byte) (text.hashCode() * 31 + i);
        }
        String anchors = java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 8);
        return new HistoryRow(0, "T1", "alice", importKey == null ? "slack" : "import", "x,linkedin", at, text,
                text.toLowerCase(java.util.Locale.ROOT), sig, anchors, 12, 7, importKey != null, importKey);
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void whatOneInstanceRemembersTheOtherReadsBackExactly(Backend backend) {
        String url = backend.freshUrl();
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            HistoryStore a = new HistoryStore(one);
            HistoryStore b = new HistoryStore(two);
            HistoryRow r = row("Big news! Our spring collection is live 🌸", NOW, null);
            long id = a.insert(r);
            List<HistoryStore.Signature> seen = new ArrayList<>();
            b.forEachSignature(NOW.minusSeconds(1), seen::add);
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).id()).isEqualTo(id);
            assertThat(seen.get(0).signature()).isEqualTo(r.signature());
            assertThat(seen.get(0).postedAt()).isEqualTo(NOW);
            assertThat(seen.get(0).platforms()).isEqualTo("x,linkedin");
            assertThat(seen.get(0).anchors()).isEqualTo(r.anchors());
            assertThat(seen.get(0).shingles()).isEqualTo(12);
            assertThat(seen.get(0).pairs()).isEqualTo(7);
            assertThat(seen.get(0).posted()).isFalse();

            // what a later refresh asks for: rows above the highest id seen, and the gaps below it
            long later = a.insert(row("A second post, stored by the first instance a moment after", NOW, null));
            List<HistoryStore.Signature> fresh = new ArrayList<>();
            b.forEachSignatureAfter(id, List.of(), fresh::add);
            assertThat(fresh).extracting(HistoryStore.Signature::id).containsExactly(later);
            fresh.clear();
            b.forEachSignatureAfter(later, List.of(new long[] {id, id}), fresh::add);
            assertThat(fresh).extracting(HistoryStore.Signature::id).containsExactly(id);
            assertThat(b.body(id)).contains("Big news! Our spring collection is live 🌸");
            assertThat(b.stats().bySource()).containsEntry("slack", 2L);
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void anImportRunAgainOnAnotherInstanceAddsNothingTwice(Backend backend) {
        String url = backend.freshUrl();
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            List<HistoryRow> rows = new ArrayList<>();
            for (int i = 0; i < 700; i++) {
                rows.add(row("post number " + i + " about our launch", NOW.minusSeconds(i), (long) i));
            }
            assertThat(new HistoryStore(one).insertImported(rows)).isEqualTo(700);
            assertThat(new HistoryStore(two).insertImported(rows.subList(500, 700))).isZero();
            assertThat(new HistoryStore(two).count()).isEqualTo(700);
        }
    }

    /** Ids cached for a fast import stay unique and rising, in file order, across a restart. */
    @org.junit.jupiter.api.Test
    void importedPostsKeepRisingIdsInFileOrderAcrossARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String location = dir.resolve("candor").toString();
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(row("imported post number " + i, NOW.minusSeconds(i), (long) i));
        }
        long imported;
        try (Database db = Database.open(location)) {
            HistoryStore s = new HistoryStore(db);
            s.prepareForImport();
            s.insertImported(rows.subList(0, 2_000));
            s.insertImported(rows.subList(2_000, 2_500));
            List<Long> ids = new ArrayList<>();
            s.forEachSignature(NOW.minusSeconds(10_000), x -> ids.add(x.id()));
            assertThat(ids).hasSize(2_500);
            for (int i = 0; i < ids.size(); i++) {
                assertThat(ids.get(i)).isEqualTo(i + 1L);
            }
            imported = ids.get(ids.size() - 1);
        }
        try (Database db = Database.open(location)) {
            long later = new HistoryStore(db).insert(row("reviewed after the restart", NOW, null));
            assertThat(later).isGreaterThan(imported);
        }
    }

    @ParameterizedTest
    @MethodSource("io.candor.store.Backend#both")
    void retentionDeletesTextsFirstAndWholePostsLater(Backend backend) {
        try (Database db = Database.open(backend.freshUrl())) {
            HistoryStore s = new HistoryStore(db);
            long old = s.insert(row("an old post that is past its time", NOW.minusSeconds(40 * 86_400), null));
            long mid = s.insert(row("a post whose text is past its time", NOW.minusSeconds(31 * 86_400), null));
            long fresh = s.insert(row("a fresh post that stays", NOW, null));
            HistoryStore.Purged p = s.purge(NOW.minusSeconds(30 * 86_400), NOW.minusSeconds(35 * 86_400));
            assertThat(p.textsDeleted()).isEqualTo(2);
            assertThat(p.postsDeleted()).isEqualTo(1);
            assertThat(s.body(mid)).isEmpty();
            assertThat(s.body(fresh)).isPresent();
            assertThat(s.body(old)).isEmpty();
            assertThat(s.count()).isEqualTo(2);
        }
    }
}
