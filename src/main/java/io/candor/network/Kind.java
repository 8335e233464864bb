package io.candor.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which notifications count as a mention the team may have to answer ({@code networks.kinds}). */
public enum Kind {
    /** The account is named in someone's post. */
    MENTIONS,
    /** Someone replied to one of the account's posts. */
    REPLIES,
    /** Someone quoted one of the account's posts. */
    QUOTES;

    /** The word in {@code candor.yaml}: mentions, replies, quotes. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> find(String word) {
        return Arrays.stream(values()).filter(k -> k.id().equals(word == null ? "" : word.strip())).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", "));
    }
}
