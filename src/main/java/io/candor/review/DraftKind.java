package io.candor.review;

import java.util.Locale;

/**
 * What a draft is, because that decides what a finding may say: a stand-alone {@code post}
 * on the writer's own feed, a {@code reply} to a message (usually given as reply_to), or a
 * {@code comment} under someone else's content. Selling in a reply or a comment is "dropped
 * into someone else's conversation"; in a post it is an ad, a different finding.
 */
public enum DraftKind {
    POST, REPLY, COMMENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for a reply or a comment: someone else was talking first. */
    public boolean inConversation() {
        return this != POST;
    }

    /** Parses "post", "reply" or "comment"; anything else is an IllegalArgumentException naming the choices. */
    public static DraftKind parse(String s) {
        for (DraftKind k : values()) {
            if (k.id().equals(s == null ? "" : s.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be post, reply or comment, not '" + s + "'");
    }
}
