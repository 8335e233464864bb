package io.candor.similar;

/** A post's shingle set (sorted distinct hashes) and how many content words it had. */
public record Shingles(int[] hashes, int words) {
    public boolean isEmpty() {
        return hashes.length == 0;
    }
}
