package io.candor.stats;

import java.util.Arrays;

/** Reply times as a growing array of doubles: 100,000 of them boxed would be most of a report's garbage. */
final class ReplyHours {
    private double[] values = new double[16];
    private int size;
    private boolean sorted = true;

    void add(double h) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = h;
        sorted = false;
    }

    int size() {
        return size;
    }

    /** Nearest-rank percentile; null for no values. */
    Double percentile(double q) {
        if (size == 0) {
            return null;
        }
        if (!sorted) {
            values = Arrays.copyOf(values, size);
            Arrays.sort(values);
            sorted = true;
        }
        int rank = (int) Math.ceil(q * size);
        return values[Math.max(0, rank - 1)];
    }
}
