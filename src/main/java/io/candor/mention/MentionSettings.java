package io.candor.mention;

import java.util.List;

/**
 * The {@code mentions:} section: which reactions mark a mention answered, who owns which
 * mentions, and the longest mention text accepted.
 */
public record MentionSettings(List<String> doneEmoji, List<OwnerRule> owners, Integer maxTextChars) {
    /** Mentions on {@code platform} (or containing {@code keyword}) go to {@code group}, in turn. */
    public record OwnerRule(String platform, String keyword, List<String> group) {
        public OwnerRule {
            group = group == null ? List.of() : List.copyOf(group);
        }
    }

    public MentionSettings {
        doneEmoji = doneEmoji == null || doneEmoji.isEmpty() ? List.of("white_check_mark", "heavy_check_mark", "✅", "✔️") : List.copyOf(doneEmoji);
        owners = owners == null ? List.of() : List.copyOf(owners);
        maxTextChars = maxTextChars == null ? 10_000 : maxTextChars;
    }
}
