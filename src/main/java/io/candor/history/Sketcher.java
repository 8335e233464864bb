package io.candor.history;

import io.candor.similar.Fingerprint;
import io.candor.similar.MinHash;
import io.candor.similar.Shingler;
import io.candor.similar.Shingles;
import java.util.List;

/** Turns texts into {@link Sketch}es with the settings' masking; thread-safe. */
public final class Sketcher {
    /** 128 MinHash values of 8 bits: Jaccard within about ±0.04 at 0.6. */
    public static final int WIDTH = 128;
    private final Shingler shingler;
    private final MinHash minHash = new MinHash(WIDTH);

    public Sketcher(HistorySettings settings) {
        this.shingler = new Shingler(settings.shortWords(), settings.repostPrefixes());
    }

    public Sketch sketch(String text) {
        return sketchOf(shingler.words(text));
    }

    /** The sketch of words already folded and masked (the normalized text the database keeps). */
    public Sketch sketchOf(List<String> words) {
        Shingles s = shingler.shinglesOf(words);
        return new Sketch(words, s.isEmpty() ? null : Fingerprint.of(s, shingler.pairsOf(words), minHash));
    }

    public Shingler shingler() {
        return shingler;
    }
}
