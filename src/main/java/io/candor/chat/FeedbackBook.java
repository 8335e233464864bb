package io.candor.chat;

import java.util.Set;

/** Remembers what writers said about findings and which rules each of them muted. */
public interface FeedbackBook {
    void record(ChatUser user, String rule, Feedback feedback);

    Set<String> muted(ChatUser user);

    /** @return false when the rule was not muted for this user */
    boolean unmute(ChatUser user, String rule);
}
