package io.candor.discord;

import java.util.List;

/**
 * The {@code discord:} section of candor.yaml. Ids are Discord snowflakes as text.
 * Blank channels mean the feature is off, and then the bot asks Discord for no message content.
 */
public record DiscordSettings(List<String> guildIds, String draftsChannel, String mentionsChannel,
                              Integer answerWithinMs) {
    public DiscordSettings {
        guildIds = guildIds == null ? List.of() : guildIds.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        draftsChannel = draftsChannel == null ? "" : draftsChannel.strip();
        mentionsChannel = mentionsChannel == null ? "" : mentionsChannel.strip();
        answerWithinMs = answerWithinMs == null || answerWithinMs < 0 ? 2000 : answerWithinMs;
    }

    public boolean readsMessages() {
        return !draftsChannel.isEmpty() || !mentionsChannel.isEmpty();
    }

    /** A guild counts as a team when no list is configured or it is on the list. */
    public boolean isTeam(String guildId) {
        return guildId != null && (guildIds.isEmpty() || guildIds.contains(guildId));
    }
}
