package io.candor.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which history rows this process's index already holds, by id, so it can read only what other
 * processes (another {@code candor serve}, a {@code candor review} beside it) stored since.
 * Ids come from one sequence but commit out of order: a row with a lower id can become visible
 * after a higher one. So besides the highest id applied, the ids skipped below it are kept as
 * gaps and asked for again until {@code gapWaitNanos} have passed (longer than any insert takes
 * to commit; a gap that old is a rolled-back insert or a purged row, never coming). At most
 * {@value #MAX_GAPS} gaps are kept, the newest. Thread-safe.
 */
final class IdWatermark {
    static final int MAX_GAPS = 64;

    private final long gapWaitNanos;
    private long high;
    /** first id of a gap -> {last id, when it was first seen missing (nanoTime)} */
    private final TreeMap<Long, long[]> gaps = new TreeMap<>();

    IdWatermark(long gapWaitNanos) {
        this.gapWaitNanos = gapWaitNanos;
    }

    /**
     * Records that the row {@code id} is now in the index. False when it already was (applied
     * before, or behind a gap given up on): then it must not be added again.
     */
    synchronized boolean apply(long id, long nowNanos) {
        if (id > high) {
            if (id > high + 1) {
                gaps.put(high + 1, new long[] {id - 1, nowNanos});
                while (gaps.size() > MAX_GAPS) {
                    gaps.pollFirstEntry();
                }
            }
            high = id;
            return true;
        }
        Map.Entry<Long, long[]> g = gaps.floorEntry(id);
        if (g == null || g.getValue()[0] < id) {
            return false;
        }
        long start = g.getKey();
        long end = g.getValue()[0];
        long since = g.getValue()[1];
        gaps.remove(start);
        if (start < id) {
            gaps.put(start, new long[] {id - 1, since});
        }
        if (id < end) {
            gaps.put(id + 1, new long[] {end, since});
        }
        return true;
    }

    /** The highest id applied: rows above it are new. */
    synchronized long high() {
        return high;
    }

    /** The gaps still worth asking for, as {first, last} pairs; older ones are dropped here. */
    synchronized List<long[]> openGaps(long nowNanos) {
        gaps.values().removeIf(g -> nowNanos - g[1] > gapWaitNanos);
        List<long[]> out = new ArrayList<>(gaps.size());
        gaps.forEach((start, g) -> out.add(new long[] {start, g[0]}));
        return out;
    }
}
