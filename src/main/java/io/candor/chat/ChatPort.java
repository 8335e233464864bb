package io.candor.chat;

/**
 * What the core asks of a chat platform on its own initiative (reminders, summaries).
 * Answers to a user's command are returned, not pushed, so the adapter can make them
 * ephemeral. Implemented by the Slack, Discord and terminal adapters, and by FakeChat in tests.
 */
public interface ChatPort {
    /** A direct message to one person. */
    void sendDirect(ChatUser to, Reply reply);

    /** A message in a channel of the given team. */
    void postToChannel(String team, String channel, Reply reply);
}
