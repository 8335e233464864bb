package io.candor.mention;

/** A mention that cannot be taken in; the message names the field and what is wrong. */
public final class BadMention extends RuntimeException {
    private final String field;

    public BadMention(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
