package io.candor.similar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Finds earlier posts that a text copies, in memory, without comparing it with every post.
 * Each post is filed under its anchors (its smallest word-pair hashes: a bottom-k sketch);
 * a text looks up its own anchors, and every post sharing one is checked with the MinHash
 * signature: it counts when the estimated Jaccard similarity is high enough (a near-copy),
 * or when most of the shorter text is inside the longer one (a copy trimmed to fit, or with
 * a sentence dropped or changed). When one text's word pairs are all in the other, the
 * other's smallest pair that the first has is among the first's anchors too, so a contained
 * copy shares an anchor unless none of the other's few smallest pairs survived.
 *
 * <p>Built for a million posts in about 250 bytes each: flat arrays (no object per post);
 * each bucket is a chain threaded through an int array, newest first. Exact copies (the
 * same signature in the same team: a retweet, a re-post with only a new link) are not
 * filed again: they hang off the first one, so a much-copied post takes one place in each
 * bucket instead of hundreds. Many readers or one writer at a time.
 */
public final class LshIndex {
    /**
     * At most this many entries of one bucket are looked at, newest first: enough to reach
     * the newest copies of even a much-repeated post, while a lookup stays well under a
     * millisecond. The price: of a post copied hundreds of times, only the newest are listed,
     * and an anchor every post has ("in the") only finds recent posts.
     */
    public static final int MAX_WALK = 256;
    /** Entries looked at in all buckets of one lookup together, so a lookup stays well under a millisecond. */
    public static final int WALK_BUDGET = 256;
    /** Entries of one bucket walked before the next bucket's turn. */
    private static final int SLICE = 32;
    private static final int K = Fingerprint.ANCHORS;
    private static final int K_SHIFT = Integer.numberOfTrailingZeros(K);
    private static final byte COPY = 1;
    private static final byte POSTED = 2;
    private static final byte CONVERSATION = 4;
    private final int width;
    private final int longs;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int tableBits;
    private int[] heads;
    // per slot K entries (the first min(K, pairs) used), each two ints side by side: its anchor
    // and the next older entry in the same bucket, so a slot's entries share a cache line or two
    private int[] entries;
    private long[] sigs;      // per slot, the signature packed 8 values to a long
    private long[] postIds;
    private int[] minutes;    // minutes since the epoch: an int lasts until the year 6000
    private byte[] platforms;
    private byte[] flags;     // COPY, POSTED, CONVERSATION
    private int[] authors;
    private int[] teams;
    private int[] copies;     // for a first post: its newest exact copy, else -1
    private int[] nextCopy;   // for a copy: the next older copy of the same first post, else -1
    private short[] shingles; // set sizes, capped at Short.MAX_VALUE
    private short[] pairs;
    private int size;
    private int live;
    private long linked;
    private final Map<String, Integer> nameIds = new HashMap<>();
    private final Set<Integer> teamIds = new HashSet<>();
    /** Open addressing over the first posts (not the copies), by signature: finds an exact copy at once. */
    private int[] copyTable;
    private final List<String> names = new ArrayList<>();

    /** When an earlier post counts as copied: any of the two tests passing is enough. */
    public record Criteria(double jaccard, double containment, int minSharedPairs, int wholeMinPairs) {
        /** Near-copies only (Jaccard), as for the stream of identical thank-yous. */
        public static Criteria jaccardOnly(double jaccard) {
            return new Criteria(jaccard, 2, Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
    }

    /** Containment from which the shorter text is taken to be wholly inside the longer. */
    public static final double WHOLE = 0.95;

    /**
     * What the index knows of an earlier post that matched (its time to the minute).
     * {@code similarity} is the estimated Jaccard similarity, {@code containment} the share of
     * the shorter text found in the longer, {@code sharedPairs} about how many word pairs they
     * share; {@code contained} says it matched on containment alone; {@code pairs} is the
     * earlier post's count of word pairs; {@code conversation} that it was kept with the
     * conversation it belonged to (else the database has none to tell).
     */
    public record Match(long postId, double similarity, double containment, int sharedPairs, boolean contained,
                        int pairs, long postedAtMillis, int platforms, String author, boolean posted,
                        boolean conversation) {
    }

    public LshIndex(int width, int expectedPosts) {
        if (width % 8 != 0) {
            throw new IllegalArgumentException("signature width must be a multiple of 8, not " + width);
        }
        this.width = width;
        this.longs = width / 8;
        int cap = Math.max(16, expectedPosts);
        this.tableBits = bitsFor((long) cap * K);
        this.heads = newHeads(tableBits);
        this.entries = new int[cap * K * 2];
        this.copyTable = new int[Integer.highestOneBit(Math.max(16, cap)) << 1];
        Arrays.fill(copyTable, -1);
        this.sigs = new long[cap * longs];
        this.postIds = new long[cap];
        this.minutes = new int[cap];
        this.platforms = new byte[cap];
        this.flags = new byte[cap];
        this.authors = new int[cap];
        this.teams = new int[cap];
        this.copies = new int[cap];
        this.nextCopy = new int[cap];
        this.shingles = new short[cap];
        this.pairs = new short[cap];
    }

    /** Adds a post; {@code conversation}: it was kept with the conversation it belonged to. Returns its slot. */
    public int add(long postId, Fingerprint f, long postedAtMillis, int platformMask, boolean posted, String author, String team,
                   boolean conversation) {
        check(f.signature());
        lock.writeLock().lock();
        try {
            if (size == postIds.length) {
                grow();
            }
            int slot = size++;
            pack(f.signature(), sigs, slot * longs);
            postIds[slot] = postId;
            minutes[slot] = (int) Math.floorDiv(postedAtMillis, 60_000L);
            platforms[slot] = (byte) platformMask;
            flags[slot] = (byte) ((posted ? POSTED : 0) | (conversation ? CONVERSATION : 0));
            authors[slot] = nameId(author);
            teams[slot] = nameId(team);
            teamIds.add(teams[slot]);
            copies[slot] = -1;
            nextCopy[slot] = -1;
            shingles[slot] = (short) Math.min(Short.MAX_VALUE, f.shingles());
            pairs[slot] = (short) Math.min(Short.MAX_VALUE, f.pairs());
            for (int j = 0; j < Math.min(K, f.anchors().length); j++) {
                entries[((slot << K_SHIFT) + j) << 1] = f.anchors()[j];
            }
            int first = firstCopy(slot);
            if (first >= 0) {
                flags[slot] |= COPY;
                nextCopy[slot] = copies[first];
                copies[first] = slot;
            } else {
                link(slot);
                if (linked > (2L << tableBits)) {
                    tableBits++;
                    linked = 0;
                    rebuildTables();
                }
            }
            live++;
            return slot;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Earlier posts of this team that {@code f} copies by the criteria, posted at or after
     * {@code sinceMillis}; most similar first, then newest.
     */
    public List<Match> similar(Fingerprint f, String team, Criteria c, long sinceMillis, int limit) {
        return similar(f, team, c, sinceMillis, limit, MAX_WALK);
    }

    /** As above, walking at most {@code maxWalk} entries a bucket (benchmarks measure the uncapped index). */
    public List<Match> similar(Fingerprint f, String team, Criteria c, long sinceMillis, int limit, int maxWalk) {
        check(f.signature());
        List<Match> out = new ArrayList<>();
        long[] q = new long[longs];
        pack(f.signature(), q, 0);
        lock.readLock().lock();
        try {
            Integer teamId = nameIds.get(team == null ? "" : team);
            if (teamId == null || size == 0) {
                return out;
            }
            long since = Math.floorDiv(sinceMillis, 60_000L);
            boolean multiTeam = teamIds.size() > 1;
            int[] qa = f.anchors();
            boolean[] whole = new boolean[qa.length]; // anchors whose bucket was walked to the end
            int[] at = new int[qa.length];
            int[] walked = new int[qa.length];
            for (int j = 0; j < qa.length; j++) {
                at[j] = heads[bucket(qa[j])];
            }
            // the buckets are walked in turns, a slice at a time, within one budget: a rare
            // anchor's short bucket is walked whole, a common pair's ("in the") only its newest
            int budget = Math.min(maxWalk, MAX_WALK) == maxWalk ? WALK_BUDGET : Integer.MAX_VALUE;
            // a post reached again through another anchor whose bucket was cut short would list
            // the very same matches again: it is scored once
            IntSet scored = new IntSet();
            boolean any = true;
            while (any && budget > 0) {
                any = false;
                for (int j = 0; j < qa.length && budget > 0; j++) {
                    int e = at[j];
                    for (int step = 0; e >= 0 && step < SLICE && walked[j] < maxWalk && budget > 0; step++, e = entries[(e << 1) + 1]) {
                        walked[j]++;
                        budget--;
                        int slot = e >>> K_SHIFT;
                        if (entries[e << 1] != qa[j] || multiTeam && teams[slot] != teamId || sharesEarlierAnchor(qa, whole, j, slot)
                                || !scored.add(slot)) {
                            continue;
                        }
                        Match m = score(q, f, slot, c);
                        if (m == null) {
                            continue;
                        }
                        int listed = 0; // of a much-copied post, the newest copies are enough
                        for (int s = slot; s >= 0 && listed < limit; s = s == slot ? copies[slot] : nextCopy[s]) {
                            if (postIds[s] >= 0 && minutes[s] >= since) {
                                listed++;
                                out.add(new Match(postIds[s], m.similarity(), m.containment(), m.sharedPairs(), m.contained(), pairs[s],
                                        minutes[s] * 60_000L, platforms[s] & 0xFF, names.get(authors[s]), (flags[s] & POSTED) != 0,
                                        (flags[s] & CONVERSATION) != 0));
                            }
                        }
                    }
                    at[j] = e;
                    whole[j] = e < 0;
                    any |= e >= 0 && walked[j] < maxWalk;
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        out.sort(Comparator.comparing(Match::contained)
                .thenComparing(Comparator.comparingDouble(Match::similarity).reversed())
                .thenComparing(Comparator.comparingInt(Match::sharedPairs).reversed())
                .thenComparing(Comparator.comparingLong(Match::postedAtMillis).reversed()));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    /**
     * True when the slot also has one of the query's anchors before {@code j} whose bucket
     * was walked to the end: it was looked at then.
     */
    private boolean sharesEarlierAnchor(int[] qa, boolean[] whole, int j, int slot) {
        int from = slot << K_SHIFT;
        int to = from + anchorCount(slot);
        for (int i = 0; i < j; i++) {
            if (!whole[i]) {
                continue;
            }
            for (int e = from; e < to; e++) {
                if (entries[e << 1] == qa[i]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The match with this slot when it passes the criteria (post fields left out), else null. */
    private Match score(long[] q, Fingerprint f, int slot, Criteria c) {
        double j = MinHash.estimate(agreement(q, slot), width);
        int ta = f.shingles();
        int tb = shingles[slot];
        int pa = f.pairs();
        int pb = pairs[slot];
        // |A ∩ B| from Jaccard and the two set sizes; when only one text is short enough to
        // have character shingles, only its word pairs can be in the other
        double inter = j / (1 + j) * (ta + tb);
        boolean ca = ta > pa;
        boolean cb = tb > pb;
        double contain;
        if (ca && cb) {
            // two short texts: their character shingles would count as shared words, so their
            // word pairs are compared on the anchors (all of them, or nearly, for a short text)
            double jp = anchorJaccard(f.anchors(), slot);
            contain = Math.min(1.0, jp / (1 + jp) * (pa + pb) / Math.max(1, Math.min(pa, pb)));
        } else {
            int sa = ca ? pa : ta;
            int sb = cb ? pb : tb;
            contain = Math.min(1.0, inter / Math.max(1, Math.min(sa, sb)));
        }
        int shared = (int) Math.round(contain * Math.min(pa, pb));
        if (j >= c.jaccard()) {
            return new Match(0, j, contain, shared, false, 0, 0, 0, null, false, false);
        }
        if (contain < Math.min(c.containment(), WHOLE)) {
            return null;
        }
        // the anchors know exactly which of the shorter text's smallest pairs the longer lacks
        long check = anchorCheck(f.anchors(), pa, slot);
        int hits = (int) (check >>> 32);
        int misses = (int) check;
        boolean regular = contain >= c.containment() && shared >= c.minSharedPairs() && misses <= hits;
        // a whole shorter text inside the longer counts with fewer words when no pair is known to
        // be missing and both are short or both long (a short text against a long one has too
        // few of its pairs checked by the anchors, and the signature is unsure at low Jaccard)
        boolean whole = contain >= WHOLE && shared >= c.wholeMinPairs() && misses == 0 && hits > 0 && ca == cb;
        if (regular || whole) {
            return new Match(0, j, contain, shared, true, 0, 0, 0, null, false, false);
        }
        return null;
    }

    /**
     * What the two anchor lists tell for sure about the shorter text's pairs: each of its
     * anchors below both lists' k-th value is in the longer text exactly when it is among the
     * longer one's anchors (anchors are the k smallest pairs). Returns hits in the high 32 bits
     * and misses in the low 32.
     */
    private long anchorCheck(int[] qa, int qPairs, int slot) {
        int from = slot << K_SHIFT;
        int n = anchorCount(slot);
        int sPairs = pairs[slot];
        long qLimit = qPairs > K && qa.length > 0 ? qa[qa.length - 1] : Long.MAX_VALUE;
        long sLimit = sPairs > K && n > 0 ? entries[(from + n - 1) << 1] : Long.MAX_VALUE;
        long limit = Math.min(qLimit, sLimit);
        boolean queryShorter = qPairs <= sPairs;
        int hits = 0;
        int misses = 0;
        if (queryShorter) {
            for (int a : qa) {
                if (a > limit) {
                    break;
                }
                if (hasAnchor(from, from + n, a)) {
                    hits++;
                } else {
                    misses++;
                }
            }
        } else {
            for (int e = from; e < from + n && entries[e << 1] <= limit; e++) {
                if (java.util.Arrays.binarySearch(qa, entries[e << 1]) >= 0) {
                    hits++;
                } else {
                    misses++;
                }
            }
        }
        return ((long) hits << 32) | misses;
    }

    private boolean hasAnchor(int fromEntry, int toEntry, int v) {
        for (int e = fromEntry; e < toEntry; e++) {
            if (entries[e << 1] == v) {
                return true;
            }
        }
        return false;
    }

    /**
     * Jaccard similarity of two word-pair sets from their bottom-k sketches (exact when both
     * have at most k pairs): of the k smallest in either, the share that is in both.
     */
    private double anchorJaccard(int[] qa, int slot) {
        int from = slot << K_SHIFT;
        int n = anchorCount(slot);
        int i = 0;
        int k = 0;
        int taken = 0;
        int both = 0;
        while (taken < K && (i < qa.length || k < n)) {
            int a = i < qa.length ? qa[i] : Integer.MAX_VALUE;
            int b = k < n ? entries[(from + k) << 1] : Integer.MAX_VALUE;
            if (i < qa.length && k < n && a == b) {
                both++;
                i++;
                k++;
            } else if (k >= n || i < qa.length && a < b) {
                i++;
            } else {
                k++;
            }
            taken++;
        }
        return taken == 0 ? 0 : (double) both / taken;
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

    /** Ids of this author's newest reviewed (not posted) texts in this team, newest first, at most {@code max}. */
    public List<Long> newestReviewedBy(String author, String team, int max) {
        List<Long> out = new ArrayList<>();
        lock.readLock().lock();
        try {
            Integer a = nameIds.get(author == null ? "" : author);
            Integer t = nameIds.get(team == null ? "" : team);
            if (a == null || t == null) {
                return out;
            }
            for (int s = size - 1; s >= 0 && out.size() < max; s--) {
                if (authors[s] == a && teams[s] == t && postIds[s] >= 0 && (flags[s] & POSTED) == 0) {
                    out.add(postIds[s]);
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
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
            return 4L * heads.length + 4L * copyTable.length + 4L * entries.length + 8L * sigs.length + 8L * postIds.length
                    + 4L * minutes.length + platforms.length + flags.length + 4L * authors.length + 4L * teams.length
                    + 4L * copies.length + 4L * nextCopy.length + 2L * shingles.length + 2L * pairs.length;
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

    /** The first post of this team with exactly this signature and sizes, or -1; files the slot when none. */
    private int firstCopy(int slot) {
        if (size > copyTable.length >> 1) {
            growCopyTable();
        }
        int mask = copyTable.length - 1;
        for (int p = copyHash(slot) & mask; ; p = (p + 1) & mask) {
            int s = copyTable[p];
            if (s < 0) {
                copyTable[p] = slot;
                return -1;
            }
            if (teams[s] == teams[slot] && shingles[s] == shingles[slot] && pairs[s] == pairs[slot]
                    && Arrays.equals(sigs, s * longs, s * longs + longs, sigs, slot * longs, slot * longs + longs)) {
                return s;
            }
        }
    }

    private int copyHash(int slot) {
        return (int) MinHash.mix64(sigs[slot * longs] ^ sigs[slot * longs + 1] * 31 ^ teams[slot]);
    }

    private void growCopyTable() {
        copyTable = new int[copyTable.length << 1];
        Arrays.fill(copyTable, -1);
        int mask = copyTable.length - 1;
        for (int s = 0; s < size - 1; s++) { // the slot being added is filed by the caller
            if ((flags[s] & COPY) == 0) {
                int p = copyHash(s) & mask;
                while (copyTable[p] >= 0) {
                    p = (p + 1) & mask;
                }
                copyTable[p] = s;
            }
        }
    }

    private int anchorCount(int slot) {
        return Math.min(K, pairs[slot]);
    }

    private void link(int slot) {
        for (int j = 0; j < anchorCount(slot); j++) {
            int e = (slot << K_SHIFT) + j;
            int h = bucket(entries[e << 1]);
            entries[(e << 1) + 1] = heads[h];
            heads[h] = e;
            linked++;
        }
    }

    private void rebuildTables() {
        heads = newHeads(tableBits);
        for (int s = 0; s < size; s++) {
            if ((flags[s] & COPY) == 0) {
                link(s); // oldest first, so chains end up newest first
            }
        }
    }

    private void grow() {
        int cap = postIds.length + (postIds.length >> 1) + 16;
        entries = Arrays.copyOf(entries, cap * K * 2);
        sigs = Arrays.copyOf(sigs, cap * longs);
        postIds = Arrays.copyOf(postIds, cap);
        minutes = Arrays.copyOf(minutes, cap);
        platforms = Arrays.copyOf(platforms, cap);
        flags = Arrays.copyOf(flags, cap);
        authors = Arrays.copyOf(authors, cap);
        teams = Arrays.copyOf(teams, cap);
        copies = Arrays.copyOf(copies, cap);
        nextCopy = Arrays.copyOf(nextCopy, cap);
        shingles = Arrays.copyOf(shingles, cap);
        pairs = Arrays.copyOf(pairs, cap);
    }

    private static int bitsFor(long entries) {
        return Math.max(10, 64 - Long.numberOfLeadingZeros(Math.max(1, entries / 2 - 1)));
    }

    private static int[] newHeads(int bits) {
        int[] h = new int[1 << bits];
        Arrays.fill(h, -1);
        return h;
    }

    private int bucket(int anchor) {
        return (int) (MinHash.mix64(anchor * 0x9E3779B97F4A7C15L) >>> (64 - tableBits));
    }

    /** A small set of slots (open addressing), for the few hundred a lookup looks at. */
    private static final class IntSet {
        private int[] cells = new int[64];
        private int size;

        IntSet() {
            Arrays.fill(cells, -1);
        }

        /** Adds a slot (never negative); false when it was there already. */
        boolean add(int v) {
            if (size * 2 >= cells.length) {
                int[] old = cells;
                cells = new int[old.length * 2];
                Arrays.fill(cells, -1);
                size = 0;
                for (int o : old) {
                    if (o >= 0) {
                        add(o);
                    }
                }
            }
            int mask = cells.length - 1;
            for (int p = (v * 0x9E3779B9) >>> 7 & mask; ; p = (p + 1) & mask) {
                if (cells[p] == v) {
                    return false;
                }
                if (cells[p] < 0) {
                    cells[p] = v;
                    size++;
                    return true;
                }
            }
        }
    }

    private static void pack(byte[] sig, long[] into, int at) {
        for (int i = 0; i < sig.length; i += 8) {
            long v = 0;
            for (int b = 7; b >= 0; b--) {
                v = (v << 8) | (sig[i + b] & 0xFF);
            }
            into[at + i / 8] = v;
        }
    }

    /** Equal values of two signatures, eight at a time: a zero byte of a XOR b is an equal value. */
    private int agreement(long[] q, int slot) {
        int o = slot * longs;
        int same = 0;
        for (int i = 0; i < longs; i++) {
            long x = q[i] ^ sigs[o + i];
            long t = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
            t = ~(t | x | 0x7F7F7F7F7F7F7F7FL);
            same += Long.bitCount(t);
        }
        return same;
    }
}
