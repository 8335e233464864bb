package io.candor.chat;

import io.candor.identity.ChatKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Feedback kept in memory: for the terminal chat without a database, and for tests. */
public final class InMemoryFeedbackBook implements FeedbackBook {
    private final Map<ChatKey, Set<String>> muted = new ConcurrentHashMap<>();

    @Override
    public void record(ChatUser user, String rule, Feedback feedback) {
        if (feedback == Feedback.MUTE) {
            muted.computeIfAbsent(user.key(), k -> ConcurrentHashMap.newKeySet()).add(rule);
        }
    }

    @Override
    public Set<String> muted(ChatUser user) {
        return Set.copyOf(muted.getOrDefault(user.key(), Set.of()));
    }

    @Override
    public boolean unmute(ChatUser user, String rule) {
        Set<String> s = muted.get(user.key());
        return s != null && s.remove(rule);
    }
}
