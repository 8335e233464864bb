package io.candor.history;

import io.candor.similar.MinHash;
import io.candor.similar.Shingler;
import io.candor.similar.Shingles;

/** Turns texts into {@link Sketch}es with the settings' masking; thread-safe. */
public final class Sketcher {
    /** 16 bands of 4 rows: pairs at Jaccard 0.7 become candidates 98.8% of the time, at 0.3 only 12%. */
    public static final int BANDS = 16;
    public static final int ROWS = 4;
    /** 128 values of 8 bits: the bands use the first 64, the check that follows uses all. */
    public static final int WIDTH = 128;
    private final Shingler shingler;
    private final MinHash minHash = new MinHash(WIDTH);

    public Sketcher(HistorySettings settings) {
        this.shingler = new Shingler(settings.shortWords(), settings.repostPrefixes());
    }

    public Sketch sketch(String text) {
        var words = shingler.words(text);
        Shingles s = shingler.shinglesOf(words);
        return new Sketch(words, s.isEmpty() ? null : minHash.signature(s.hashes()));
    }

    public Shingler shingler() {
        return shingler;
    }
}
