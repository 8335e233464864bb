package io.candor.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rows committed out of id order are read once each, late ones included, until a gap is given up on. */
class IdWatermarkTest {
    private static final long WAIT = 1_000;

    @Test
    void aLowerIdThatCommitsLateIsStillTakenOnceAndOnlyOnce() {
        IdWatermark w = new IdWatermark(WAIT);
        assertThat(w.apply(1, 0)).isTrue();
        assertThat(w.apply(2, 0)).isTrue();
        assertThat(w.apply(5, 0)).isTrue(); // 3 and 4 are still in flight elsewhere
        assertThat(w.high()).isEqualTo(5);
        assertThat(w.openGaps(10)).containsExactly(new long[] {3, 4});

        assertThat(w.apply(4, 20)).isTrue();
        assertThat(w.openGaps(20)).containsExactly(new long[] {3, 3});
        assertThat(w.apply(4, 30)).as("read again by a later refresh").isFalse();
        assertThat(w.apply(5, 30)).isFalse();
        assertThat(w.apply(3, 40)).isTrue();
        assertThat(w.openGaps(40)).isEmpty();
    }

    @Test
    void aGapOlderThanTheWaitIsGivenUpOnAndItsIdsCountAsSeen() {
        IdWatermark w = new IdWatermark(WAIT);
        w.apply(1, 0);
        w.apply(10, 0); // 2..9: rolled back, never coming
        assertThat(w.openGaps(WAIT)).hasSize(1);
        assertThat(w.openGaps(WAIT + 1)).isEmpty();
        assertThat(w.apply(5, WAIT + 2)).isFalse();
    }

    @Test
    void onlyTheNewestGapsAreKept() {
        IdWatermark w = new IdWatermark(WAIT);
        for (long id = 2; id <= 2 * (IdWatermark.MAX_GAPS + 10); id += 2) {
            w.apply(id, 0);
        }
        var gaps = w.openGaps(0);
        assertThat(gaps).hasSize(IdWatermark.MAX_GAPS);
        assertThat(gaps.get(gaps.size() - 1)).containsExactly(w.high() - 1, w.high() - 1);
    }
}
