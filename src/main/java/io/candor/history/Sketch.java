package io.candor.history;

import java.util.List;

/** A text as history compares it: its content words, and its MinHash signature (null when it has none). */
public record Sketch(List<String> words, byte[] signature) {
    public boolean isEmpty() {
        return signature == null;
    }

    public String normalized() {
        return String.join(" ", words);
    }
}
