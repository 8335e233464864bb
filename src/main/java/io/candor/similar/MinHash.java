package io.candor.similar;

import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of {@code size} hash functions, the smallest hash of any
 * shingle. The share of equal positions in two signatures estimates the Jaccard
 * similarity of the shingle sets. Each minimum is stored as 16 bits (a mixed, truncated
 * value; "b-bit MinHash"), which halves memory and adds a chance collision of 1/65536.
 */
public final class MinHash {
    private final int size;
    private final long[] mult;
    private final long[] add;

    public MinHash(int size) {
        this.size = size;
        this.mult = new long[size];
        this.add = new long[size];
        SplittableRandom r = new SplittableRandom(0x5EED_CA7D0L); // fixed: signatures are stored
        for (int i = 0; i < size; i++) {
            mult[i] = r.nextLong() | 1L;
            add[i] = r.nextLong();
        }
    }

    public int size() {
        return size;
    }

    /** The signature of a non-empty shingle set. */
    public char[] signature(int[] shingles) {
        if (shingles.length == 0) {
            throw new IllegalArgumentException("no shingles");
        }
        char[] sig = new char[size];
        for (int k = 0; k < size; k++) {
            long m = mult[k];
            long a = add[k];
            long min = Long.MAX_VALUE;
            for (int s : shingles) {
                long h = (s * m + a) >>> 1; // positive, so plain comparison orders them
                if (h < min) {
                    min = h;
                }
            }
            sig[k] = (char) mix64(min);
        }
        return sig;
    }

    /** Share of equal positions: the estimated Jaccard similarity. */
    public static double similarity(char[] a, char[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    /** The finaliser of MurmurHash3: every input bit moves every output bit. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
