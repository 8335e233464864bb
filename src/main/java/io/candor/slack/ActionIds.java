package io.candor.slack;

import io.candor.chat.Feedback;
import java.util.Optional;

/**
 * The ids Candor gives its buttons, modal and shortcut: the same strings are in
 * config/slack-app-manifest.yaml, in the blocks it sends, and in the handlers that
 * receive the clicks.
 */
final class ActionIds {
    static final String COMMAND = "/coach";
    static final String SHORTCUT = "candor_review_message";
    static final String MODAL = "candor_review_modal";
    static final String HELPFUL = "candor_feedback_helpful";
    static final String NOT_HELPFUL = "candor_feedback_not_helpful";
    static final String MUTE = "candor_feedback_mute";
    static final String FEEDBACK_PATTERN = "candor_feedback_.+";
    static final String POSTED = "candor_posted";
    static final String MENTION_DONE = "candor_mention_done";
    static final String MENTION_SNOOZE = "candor_mention_snooze";
    static final String MENTION_PATTERN = "candor_mention_.+";

    // modal blocks and inputs
    static final String DRAFT = "draft";
    static final String PLATFORMS = "platforms";
    static final String REPLY_TO = "reply_to";

    private ActionIds() {
    }

    static Optional<Feedback> feedback(String actionId) {
        return switch (actionId) {
            case HELPFUL -> Optional.of(Feedback.HELPFUL);
            case NOT_HELPFUL -> Optional.of(Feedback.NOT_HELPFUL);
            case MUTE -> Optional.of(Feedback.MUTE);
            default -> Optional.empty();
        };
    }
}
