package io.candor.review;

import java.util.Locale;

/** The five kinds of advice, in the order a review presents them. */
public enum Category {
    BROADCAST, CONTEXT, PITCH, CLAIMS, PLATFORM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "pitch" or "PITCH"; settings files write the lower-case id. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Category parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
