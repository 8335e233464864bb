package io.candor.text;

/** A half-open range [start, end) of UTF-16 offsets into an original text. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + "," + end + ")");
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }

    public Span union(Span o) {
        return new Span(Math.min(start, o.start), Math.max(end, o.end));
    }

    public int length() {
        return end - start;
    }
}
