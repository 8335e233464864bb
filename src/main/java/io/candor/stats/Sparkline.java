package io.candor.stats;

import java.util.List;

/** A row of block characters, one per week, scaled between the lowest and highest value; a gap for no data. */
final class Sparkline {
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    static String of(List<Double> values) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (Double v : values) {
            if (v != null) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        StringBuilder sb = new StringBuilder(values.size());
        for (Double v : values) {
            if (v == null) {
                sb.append(' ');
            } else if (hi - lo < 1e-9) {
                sb.append(BARS[BARS.length / 2]);
            } else {
                sb.append(BARS[(int) Math.round((v - lo) / (hi - lo) * (BARS.length - 1))]);
            }
        }
        return sb.toString();
    }
}
