package io.candor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.candor.store.HistoryStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HistoryImportTest {
    private final Fixture fx = new Fixture();
    private final HistoryStore store = fx.history.store().orElseThrow();

    @AfterEach
    void close() {
        fx.history.close();
    }

    private HistoryImport importer(int batch) {
        return new HistoryImport(store, Fixture.settings(), fx.clock, "team-1", batch);
    }

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static final String CSV = """
            text,platform,posted_at,author
            "Big news! Our spring collection is live, with 40 new pieces.",linkedin,2026-03-01T09:30:00Z,Maya
            "A post that spans
            two lines, with ""quotes""\",x,2026-03-02T10:00:00+01:00,Joe
            Missing its date,linkedin,,Ana
            Friday retreat: the office is closed,myspace,2026-03-02,Ana
            Too,few,fields
            Our office will be closed on Friday for the team retreat,,2026-03-03 08:00,Ana
            Ancient post from two years ago about something,x,2024-01-01T00:00:00Z,Old
            """;

    @Test
    void csvGoesInAndBadRowsAreNamedByLine() throws IOException {
        HistoryImport.Result r = importer(100).run(in(CSV), HistoryImport.Format.CSV, b -> { });
        assertThat(r.added()).isEqualTo(3);
        assertThat(r.tooOld()).isEqualTo(1);
        assertThat(r.bad()).extracting(HistoryImport.BadRow::line).containsExactly(5L, 6L, 7L);
        assertThat(r.bad()).extracting(HistoryImport.BadRow::why)
                .containsExactly("no posted_at", "unknown platform 'myspace' (known: " + io.candor.platform.Platform.known() + ")", "has 3 fields, the header has 4");
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void importedPostsAreFoundByTheNextReviewWithTheirAuthorAndPlatform() throws IOException {
        importer(100).run(in(CSV), HistoryImport.Format.CSV, b -> { });
        assertThat(fx.history.indexed()).isZero(); // a running index does not see imports; the next start does
        try (History h = History.open(fx.url, Fixture.settings(), fx.clock)) {
            var r = new HistoryReviewer(Fixture.RULES, h, Fixture.HISTORY_RULES, fx.clock, false)
                    .review(Fixture.draft("Big news: our spring collection is live, with 40 new pieces! 🎉", "Rui", "cli", "x"));
            assertThat(r.findings()).filteredOn(f -> f.rule().equals("broadcast.cross-platform")).singleElement()
                    .extracting(io.candor.review.Finding::message).asString()
                    .isEqualTo("The team posted almost the same text on LinkedIn on Sunday (Maya): “Big news! Our spring collection is live, with…”.");
        }
    }

    @Test
    void jsonlWithABrokenLine() throws IOException {
        String jsonl = """
                {"text": "We're hiring a community lead in Lisbon", "platform": "x", "posted_at": "2026-03-01T09:30:00Z", "author": "Joe"}
                {"text": "broken
                {"text": "Same team, other post on threads", "platforms": ["threads", "bluesky"], "posted_at": "2026-03-02T09:30:00Z"}
                """;
        HistoryImport.Result r = importer(100).run(in(jsonl), HistoryImport.Format.JSONL, b -> { });
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.bad()).singleElement().isEqualTo(new HistoryImport.BadRow(2, "not a JSON object"));
    }

    @Test
    void aCrashMidImportLosesNothingCommittedAndARerunAddsNoDuplicates() throws IOException {
        StringBuilder file = new StringBuilder("text,platform,posted_at,author\n");
        for (int i = 0; i < 50; i++) {
            file.append("Post number ").append(i).append(" about our release,x,2026-03-01T09:").append(10 + i % 40)
                    .append(":00Z,Maya\n");
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        InputStream dying = new ByteArrayInputStream(bytes, 0, bytes.length / 2) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, Math.min(len, 64));
                if (n < 0) {
                    throw new java.io.UncheckedIOException(new IOException("disk unplugged"));
                }
                return n;
            }
        };
        long[] acknowledged = {0};
        assertThatThrownBy(() -> importer(5).run(dying, HistoryImport.Format.CSV, b -> acknowledged[0] = store.count()))
                .hasMessageContaining("disk unplugged");
        long kept = store.count();
        assertThat(kept).isGreaterThan(0).isEqualTo(acknowledged[0]);
        HistoryImport.Result again = importer(5).run(in(file.toString()), HistoryImport.Format.CSV, b -> { });
        assertThat(again.alreadyThere()).isEqualTo(kept);
        assertThat(again.added()).isEqualTo(50 - kept);
        assertThat(store.count()).isEqualTo(50);
        assertThat(importer(5).run(in(file.toString()), HistoryImport.Format.CSV, b -> { }).added()).isZero();
        assertThat(store.count()).isEqualTo(50);
    }
}
