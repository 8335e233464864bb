package io.candor.chat;

import java.util.ArrayList;
import java.util.List;

/** A chat platform that only records what the core sent, so tests drive the bot with no network. */
public final class FakeChat implements ChatPort {
    public record Direct(ChatUser to, Reply reply) {
    }

    public record Posted(String team, String channel, Reply reply) {
    }

    public final List<Direct> directs = new ArrayList<>();
    public final List<Posted> posts = new ArrayList<>();

    @Override
    public synchronized void sendDirect(ChatUser to, Reply reply) {
        directs.add(new Direct(to, reply));
    }

    @Override
    public synchronized void postToChannel(String team, String channel, Reply reply) {
        posts.add(new Posted(team, channel, reply));
    }

    public synchronized List<String> directRecipients() {
        return directs.stream().map(d -> d.to().id()).toList();
    }

    public synchronized void clear() {
        directs.clear();
        posts.clear();
    }
}
