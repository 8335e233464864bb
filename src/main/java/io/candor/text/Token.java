package io.candor.text;

/**
 * A piece of a folded text. {@code start}/{@code end} are offsets into the folded text;
 * {@link NormalizedText#toOriginal} turns them into a span of what the writer typed.
 */
public record Token(Kind kind, String text, int start, int end) {
    public enum Kind { WORD, NUMBER, LINK, HANDLE, HASHTAG, EMOJI, PUNCT }

    public boolean is(Kind k) {
        return kind == k;
    }
}
