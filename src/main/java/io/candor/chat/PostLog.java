package io.candor.chat;

import io.candor.prompts.Prompts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Records what a writer says they published ("I posted this" under a review), so later
 * drafts that copy it are told so. It remembers; it never posts anything anywhere.
 */
public interface PostLog {
    /**
     * Records that {@code user} published the draft they reviewed whose text has this key
     * (see {@link #keyOf}); the answer, in words, for the writer.
     */
    String posted(ChatUser user, String key);

    /** False when nothing is kept (no history): reviews then offer no "I posted this" button. */
    default boolean keeps() {
        return true;
    }

    /** Without a history: a press says "I posted this" is off. */
    static PostLog off(Prompts prompts) {
        return new Off.Posts(prompts);
    }

    /**
     * The key an "I posted this" button carries for a reviewed draft: 16 hex characters from
     * its text, short enough for any button, and no text in it.
     */
    static String keyOf(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
