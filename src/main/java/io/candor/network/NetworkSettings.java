package io.candor.network;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code networks:} section: how often {@code candor serve} reads the Mastodon and Bluesky
 * accounts the environment names, which notifications count, how far back the very first read
 * goes, how long one request may take, and the chat team whose history the team's published
 * replies join. The accounts and their secrets come from the environment only.
 */
public record NetworkSettings(Integer pollSeconds, List<String> kinds, Integer firstPullDays, Integer timeoutSeconds,
                              String team) {
    public NetworkSettings {
        pollSeconds = pollSeconds == null ? 60 : pollSeconds;
        if (pollSeconds < 1 || pollSeconds > 86_400) {
            throw new IllegalArgumentException("poll_seconds must be between 1 and 86400, not " + pollSeconds);
        }
        kinds = kinds == null ? List.of("mentions", "replies", "quotes") : List.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds must name at least one of " + Kind.known());
        }
        for (String k : kinds) {
            if (Kind.find(k).isEmpty()) {
                throw new IllegalArgumentException("kinds: '" + k + "' is not one of " + Kind.known());
            }
        }
        firstPullDays = firstPullDays == null ? 7 : firstPullDays;
        if (firstPullDays < 0 || firstPullDays > 3_650) {
            throw new IllegalArgumentException("first_pull_days must be between 0 and 3650, not " + firstPullDays);
        }
        timeoutSeconds = timeoutSeconds == null ? 30 : timeoutSeconds;
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new IllegalArgumentException("timeout_seconds must be between 1 and 600, not " + timeoutSeconds);
        }
        team = team == null ? "" : team.strip();
    }

    public Set<Kind> kindSet() {
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        kinds.forEach(k -> out.add(Kind.find(k).orElseThrow()));
        return out;
    }
}
