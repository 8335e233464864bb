package io.candor.similar;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * What the index keeps of a text to compare it with others: the MinHash signature of its
 * whole shingle set (for Jaccard), its anchors (the smallest word-pair hashes: a trimmed or
 * partly rewritten copy still shares some of them with the original) and the sizes of its
 * shingle set and of its word pairs (from which containment is estimated).
 */
public record Fingerprint(byte[] signature, int[] anchors, int shingles, int pairs) {
    /** How many anchors a text gets at most. */
    public static final int ANCHORS = 8;

    public static Fingerprint of(Shingles all, int[] pairs, MinHash minHash) {
        int k = Math.min(ANCHORS, pairs.length);
        return new Fingerprint(minHash.signature(all.hashes()), Arrays.copyOf(pairs, k), all.hashes().length, pairs.length);
    }

    /** Short texts also have character shingles, so their set is larger than their word pairs. */
    public boolean hasCharGrams() {
        return shingles > pairs;
    }

    /** The anchors as the database keeps them (Base64 of 32-bit values). */
    public String anchorsColumn() {
        ByteBuffer b = ByteBuffer.allocate(4 * anchors.length);
        for (int a : anchors) {
            b.putInt(a);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    public static int[] parseAnchors(String column) {
        byte[] raw = Base64.getDecoder().decode(column);
        ByteBuffer b = ByteBuffer.wrap(raw);
        int[] out = new int[Math.min(ANCHORS, raw.length / 4)];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getInt();
        }
        return out;
    }
}
