package io.candor.chat;

import io.candor.prompts.Prompts;
import java.util.List;
import java.util.Optional;

/**
 * The mentions core as chat surfaces see it: commands from {@code /coach} and events
 * from a mentions channel. Implemented in the mention package.
 */
public interface MentionDesk {
    Reply mine(ChatUser user);

    Reply done(ChatUser user, String id);

    Reply dismiss(ChatUser user, String id);

    Reply assign(ChatUser user, String id, String person);

    Reply snooze(ChatUser user, String id, String duration);

    /** A top-level message in a mentions channel: a new mention. */
    void posted(ChatUser poster, String channel, String messageId, String text, String permalink);

    /**
     * A reply written in a mention's thread: reviewed against the mention, which becomes
     * in progress with the writer as owner. Empty when the parent is not a known mention.
     */
    Optional<Reply> threadReply(ChatUser writer, String channel, String parentMessageId, String text);

    /** A reaction on a mentions-channel message; the done emoji marks it answered. */
    Optional<Reply> reacted(ChatUser user, String channel, String messageId, String emoji);

    /**
     * Someone the chat platform told us about (who they are called, their zone): they can be
     * named in {@code assign 12 @name} and reminded in their own morning without a
     * {@code people:} entry.
     */
    default void met(ChatUser user) {
    }

    /** What a person's own page shows of mentions: theirs and the unowned, worded as {@link #mine}. */
    default List<Reply> home(ChatUser user) {
        met(user);
        return List.of(mine(user));
    }

    /** False for the desk that stands in when mentions are not set up ({@link #off}). */
    default boolean tracking() {
        return true;
    }

    /** The desk of a bot without mention tracking: every command answers that it is off. */
    static MentionDesk off(Prompts prompts) {
        return new Off.Mentions(prompts);
    }
}
