package io.candor.text;

/**
 * A folded copy of a text for matching (see {@link TextNormalizer}) that remembers, for
 * every folded char, which original chars it came from, so a match in the folded text
 * turns back into a span of the original.
 */
public final class NormalizedText {
    private final String original;
    private final String folded;
    private final int[] start;
    private final int[] end;

    NormalizedText(String original, String folded, int[] start, int[] end) {
        this.original = original;
        this.folded = folded;
        this.start = start;
        this.end = end;
    }

    public String original() {
        return original;
    }

    /** Lower case, NFKC/NFKD-folded, look-alikes mapped, format characters gone, spaces single. */
    public String folded() {
        return folded;
    }

    public int length() {
        return folded.length();
    }

    /** Original start offset of the folded char at {@code i}. */
    public int originalStart(int i) {
        if (folded.isEmpty()) {
            return 0;
        }
        return i >= start.length ? original.length() : start[i];
    }

    /** Original end offset of the folded range ending (exclusive) at {@code i}. */
    public int originalEnd(int i) {
        if (i <= 0) {
            return folded.isEmpty() ? 0 : start[0];
        }
        return end[Math.min(i, end.length) - 1];
    }

    /** The original span covered by folded range [s, e). */
    public Span toOriginal(int s, int e) {
        if (e <= s) {
            int at = originalStart(s);
            return new Span(at, at);
        }
        return new Span(originalStart(s), originalEnd(e));
    }
}
