package io.candor.discord;

import io.candor.chat.Feedback;
import java.util.Locale;
import java.util.Optional;

/**
 * What a Candor button does, packed into Discord's custom id (at most 100 chars) so a press
 * needs no server-side state: feedback on a rule, Done / Snooze on a mention, or "I posted this" on a review. Buttons
 * carry the team because a press in a DM has no guild to tell it.
 */
sealed interface ButtonId {
    String PREFIX = "candor:";

    record OnRule(Feedback kind, String team, String rule) implements ButtonId {
        @Override
        public String encode() {
            return PREFIX + kind.name().toLowerCase(Locale.ROOT) + ":" + team + ":" + rule;
        }
    }

    record OnMention(boolean done, String team, String mentionId) implements ButtonId {
        @Override
        public String encode() {
            return PREFIX + (done ? "done:" : "snooze:") + team + ":" + mentionId;
        }
    }

    /** "I posted this" under a review: {@code key} is the reviewed text's key (no text in it). */
    record Posted(String team, String key) implements ButtonId {
        @Override
        public String encode() {
            return PREFIX + "posted:" + team + ":" + key;
        }
    }

    /** The guild the press belongs to. */
    String team();

    String encode();

    static Optional<ButtonId> decode(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] p = id.substring(PREFIX.length()).split(":", 3);
        if (p.length != 3 || p[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            return switch (p[0]) {
                case "helpful", "not_helpful", "mute" ->
                        Optional.of(new OnRule(Feedback.valueOf(p[0].toUpperCase(Locale.ROOT)), p[1], p[2]));
                case "done" -> Optional.of(new OnMention(true, p[1], p[2]));
                case "snooze" -> Optional.of(new OnMention(false, p[1], p[2]));
                case "posted" -> Optional.of(new Posted(p[1], p[2]));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
