package io.candor.similar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Locality-sensitive hashing over MinHash signatures, in memory: the first
 * {@code bands * rows} values of a signature are cut into {@code bands} bands of
 * {@code rows} values; two posts become candidates when any band is equal, and a candidate
 * counts only when its whole signature estimates at least the asked Jaccard similarity. Built for a million posts in a few hundred megabytes: everything
 * lives in flat arrays (no object per post), buckets are chains threaded through an int
 * array, newest first. Exact copies (the same signature in the same team: a retweet, a
 * re-post with only a new link or emoji) are not chained again: they hang off the first
 * one, so a much-copied post takes one place in each bucket instead of hundreds.
 * Many readers or one writer at a time (a read-write lock).
 */
public final class LshIndex {
    /**
     * At most this many entries of one bucket are looked at, newest first: enough to reach
     * the newest copies of even a much-repeated post, while a lookup stays well under a
     * millisecond. The price: of a post copied hundreds of times, only the newest are listed.
     */
    public static final int MAX_WALK = 256;
    private final int bands;
    private final int rows;
    private final int width;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int tableBits;
    private int[] heads;
    private int[] next;
    private byte[] sigs;
    private long[] postIds;
    private int[] minutes; // minutes since the epoch: an int lasts until the year 6000
    private byte[] platforms;
    private int[] authors;
    private int[] teams;
    private int[] copies;    // for a first post: its newest exact copy, else -1
    private int[] nextCopy;  // for a copy: the next older copy of the same first post, else -1
    private byte[] isCopy;
    private int size;
    private int live;
    private final Map<String, Integer> nameIds = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** What the index knows of an earlier post that matched (its time to the minute). */
    public record Match(long postId, double similarity, long postedAtMillis, int platforms, String author) {
    }

    /** @param width signature length, at least {@code bands * rows} */
    public LshIndex(int bands, int rows, int width, int expectedPosts) {
        if (width < bands * rows) {
            throw new IllegalArgumentException("signatures of " + width + " values cannot fill " + bands + " bands of " + rows);
        }
        this.bands = bands;
        this.rows = rows;
        this.width = width;
        int cap = Math.max(16, expectedPosts);
        this.tableBits = Math.max(10, 31 - Integer.numberOfLeadingZeros(cap - 1)); // two posts a bucket
        this.heads = newHeads(tableBits);
        this.next = new int[cap * bands];
        this.sigs = new byte[cap * width];
        this.postIds = new long[cap];
        this.minutes = new int[cap];
        this.platforms = new byte[cap];
        this.authors = new int[cap];
        this.teams = new int[cap];
        this.copies = new int[cap];
        this.nextCopy = new int[cap];
        this.isCopy = new byte[cap];
    }

    /** Adds a post; returns its slot. */
    public int add(long postId, byte[] sig, long postedAtMillis, int platformMask, String author, String team) {
        check(sig);
        lock.writeLock().lock();
        try {
            if (size == postIds.length) {
                grow();
            }
            int slot = size++;
            System.arraycopy(sig, 0, sigs, slot * width, width);
            postIds[slot] = postId;
            minutes[slot] = (int) Math.floorDiv(postedAtMillis, 60_000L);
            platforms[slot] = (byte) platformMask;
            authors[slot] = nameId(author);
            teams[slot] = nameId(team);
            copies[slot] = -1;
            nextCopy[slot] = -1;
            int first = firstCopy(slot);
            if (first >= 0) {
                isCopy[slot] = 1;
                nextCopy[slot] = copies[first];
                copies[first] = slot;
            } else if (size > (2 << tableBits)) {
                tableBits++;
                rebuildTables();
            } else {
                link(slot);
            }
            live++;
            return slot;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Earlier posts of this team whose signature agrees with {@code sig} on at least
     * {@code minSimilarity} of positions, posted at or after {@code sinceMillis}; most
     * similar first, then newest.
     */
    public List<Match> similar(byte[] sig, String team, double minSimilarity, long sinceMillis, int limit) {
        return similar(sig, team, minSimilarity, sinceMillis, limit, MAX_WALK);
    }

    /** As above, walking at most {@code maxWalk} entries a bucket (benchmarks measure the uncapped index). */
    public List<Match> similar(byte[] sig, String team, double minSimilarity, long sinceMillis, int limit, int maxWalk) {
        check(sig);
        List<Match> out = new ArrayList<>();
        lock.readLock().lock();
        try {
            Integer teamId = nameIds.get(team == null ? "" : team);
            if (teamId == null || size == 0) {
                return out;
            }
            int need = MinHash.agreementFor(minSimilarity, width);
            long since = Math.floorDiv(sinceMillis, 60_000L);
            for (int b = 0; b < bands; b++) {
                int slot = heads[(b << tableBits) + bucket(sig, 0, b)];
                for (int walked = 0; slot >= 0 && walked < maxWalk; walked++, slot = next[slot * bands + b]) {
                    if (teams[slot] != teamId || !bandEquals(sig, slot, b) || seenInEarlierBand(sig, slot, b)) {
                        continue;
                    }
                    int same = agreement(sig, slot);
                    if (same >= need) {
                        double sim = MinHash.estimate(same, width);
                        for (int s = slot; s >= 0; s = s == slot ? copies[slot] : nextCopy[s]) {
                            if (postIds[s] >= 0 && minutes[s] >= since) {
                                out.add(new Match(postIds[s], sim, minutes[s] * 60_000L, platforms[s] & 0xFF, names.get(authors[s])));
                            }
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        out.sort(Comparator.comparingDouble(Match::similarity).reversed()
                .thenComparing(Comparator.comparingLong(Match::postedAtMillis).reversed()));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    /** Forgets posts older than the cutoff (their slots stay, unused, until the next start). */
    public int forgetOlderThan(long cutoffMillis) {
        lock.writeLock().lock();
        try {
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (postIds[i] >= 0 && minutes[i] * 60_000L < cutoffMillis) {
                    postIds[i] = -1;
                    n++;
                }
            }
            live -= n;
            return n;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Posts the index answers for. */
    public int size() {
        lock.readLock().lock();
        try {
            return live;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Bytes held by the index's arrays (a lower bound of its heap use; names not counted). */
    public long arrayBytes() {
        lock.readLock().lock();
        try {
            return 4L * heads.length + 4L * next.length + sigs.length + 8L * postIds.length
                    + 4L * minutes.length + platforms.length + 4L * authors.length + 4L * teams.length
                    + 4L * copies.length + 4L * nextCopy.length + isCopy.length;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void check(byte[] sig) {
        if (sig.length != width) {
            throw new IllegalArgumentException("signature has " + sig.length + " values, the index wants " + width);
        }
    }

    private int nameId(String name) {
        String n = name == null ? "" : name;
        Integer id = nameIds.get(n);
        if (id == null) {
            id = names.size();
            names.add(n);
            nameIds.put(n, id);
        }
        return id;
    }

    /** The first post of this team with exactly this signature (newest chained first), or -1. */
    private int firstCopy(int slot) {
        int h = bucket(sigs, slot * width, 0);
        int walked = 0;
        for (int s = heads[h]; s >= 0 && walked < MAX_WALK; s = next[s * bands], walked++) {
            if (teams[s] == teams[slot] && Arrays.equals(sigs, s * width, s * width + width, sigs, slot * width, slot * width + width)) {
                return s;
            }
        }
        return -1;
    }

    private void link(int slot) {
        for (int b = 0; b < bands; b++) {
            int h = (b << tableBits) + bucket(sigs, slot * width, b);
            next[slot * bands + b] = heads[h];
            heads[h] = slot;
        }
    }

    private void rebuildTables() {
        heads = newHeads(tableBits);
        for (int s = 0; s < size; s++) {
            if (isCopy[s] == 0) {
                link(s); // oldest first, so chains end up newest first
            }
        }
    }

    private void grow() {
        int cap = postIds.length + (postIds.length >> 1) + 16;
        next = Arrays.copyOf(next, cap * bands);
        sigs = Arrays.copyOf(sigs, cap * width);
        postIds = Arrays.copyOf(postIds, cap);
        minutes = Arrays.copyOf(minutes, cap);
        platforms = Arrays.copyOf(platforms, cap);
        authors = Arrays.copyOf(authors, cap);
        teams = Arrays.copyOf(teams, cap);
        copies = Arrays.copyOf(copies, cap);
        nextCopy = Arrays.copyOf(nextCopy, cap);
        isCopy = Arrays.copyOf(isCopy, cap);
    }

    private int[] newHeads(int bits) {
        int[] h = new int[bands << bits];
        Arrays.fill(h, -1);
        return h;
    }

    private int bucket(byte[] s, int offset, int band) {
        long h = band;
        int from = offset + band * rows;
        for (int i = 0; i < rows; i++) {
            h = h * 0x100000001b3L + (s[from + i] & 0xFF) + 1;
        }
        return (int) (MinHash.mix64(h) >>> (64 - tableBits));
    }

    private boolean bandEquals(byte[] sig, int slot, int band) {
        int a = band * rows;
        int o = slot * width + a;
        for (int i = 0; i < rows; i++) {
            if (sig[a + i] != sigs[o + i]) {
                return false;
            }
        }
        return true;
    }

    /** True when an earlier band already matched this slot, so each post is counted once. */
    private boolean seenInEarlierBand(byte[] sig, int slot, int band) {
        for (int b = 0; b < band; b++) {
            if (bandEquals(sig, slot, b)) {
                return true;
            }
        }
        return false;
    }

    private int agreement(byte[] sig, int slot) {
        int o = slot * width;
        int same = 0;
        for (int i = 0; i < width; i++) {
            if (sig[i] == sigs[o + i]) {
                same++;
            }
        }
        return same;
    }
}
