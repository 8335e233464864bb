package io.candor.history;

import io.candor.similar.Fingerprint;
import java.util.List;

/** A text as history compares it: its content words, and its fingerprint (null when it has no words). */
public record Sketch(List<String> words, Fingerprint fingerprint) {
    public boolean isEmpty() {
        return fingerprint == null;
    }

    public byte[] signature() {
        return fingerprint == null ? null : fingerprint.signature();
    }

    public String normalized() {
        return String.join(" ", words);
    }
}
