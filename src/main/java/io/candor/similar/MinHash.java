package io.candor.similar;

import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of {@code size} hash functions, the smallest hash of any
 * shingle. The share of equal positions in two signatures estimates the Jaccard
 * similarity of the shingle sets. Each minimum is stored as 8 bits (a mixed, truncated
 * value: "b-bit MinHash", Li and König 2010), so 128 of them fit where 32 full ones would;
 * two different minima then agree by chance 1 time in 256, which {@link #similarity}
 * corrects for. More, smaller values estimate better than fewer, larger ones.
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
    public byte[] signature(int[] shingles) {
        if (shingles.length == 0) {
            throw new IllegalArgumentException("no shingles");
        }
        byte[] sig = new byte[size];
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
            sig[k] = (byte) mix64(min);
        }
        return sig;
    }

    /** The estimated Jaccard similarity of two signatures. */
    public static double similarity(byte[] a, byte[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return estimate(same, a.length);
    }

    /** Jaccard from the share of equal 8-bit values, less the 1-in-256 chance agreement. */
    public static double estimate(int same, int of) {
        return Math.max(0, ((double) same / of - CHANCE) / (1 - CHANCE));
    }

    /** The fewest equal positions (of {@code of}) that estimate at least {@code jaccard}. */
    public static int agreementFor(double jaccard, int of) {
        return (int) Math.ceil((jaccard * (1 - CHANCE) + CHANCE) * of - 1e-9);
    }

    private static final double CHANCE = 1.0 / 256;

    /** The finaliser of MurmurHash3: every input bit moves every output bit. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
