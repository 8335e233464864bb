package io.candor.chat;

import io.candor.review.Review;
import java.util.List;

/**
 * What the core answers, in no platform's format. Adapters render it: Block Kit for Slack,
 * embeds for Discord, plain text for the terminal. Every sentence in it comes from prompts.
 */
public sealed interface Reply {
    /** A plain answer; may use *bold* and `code` and line breaks. */
    record Text(String text) implements Reply {
    }

    /**
     * A draft's review, with feedback buttons on each finding; {@code postable}: an "I posted
     * this" button can record it (the draft was kept in the history).
     */
    record ReviewResult(Review review, boolean postable) implements Reply {
        public ReviewResult(Review review) {
            this(review, false);
        }
    }

    /** A list of mentions (reminder DM, /coach mentions) with Done / Snooze buttons on each. */
    record Mentions(String heading, List<MentionLine> lines, String footer) implements Reply {
        public Mentions {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One mention as shown in a list. {@code id} is what `done ID` takes; {@code unassigned}:
     * nobody owns it yet, so whoever reads the list may take it.
     */
    record MentionLine(String id, String platform, String author, String quote, String url, String age,
                       boolean escalated, boolean unassigned) {
        public MentionLine(String id, String platform, String author, String quote, String url, String age,
                           boolean escalated) {
            this(id, platform, author, quote, url, age, escalated, false);
        }
    }

    /**
     * Team stats: the figures as text (Slack-style *bold*, `code`) and, when asked for, a
     * chart. Counts and rule ids only, never a draft's or a mention's words.
     */
    record Figures(String text, java.util.Optional<Chart> chart) implements Reply {
    }

    /** A picture to attach: PNG bytes, a file name and a title (and words for screen readers). */
    record Chart(String fileName, String title, String altText, byte[] png) {
    }

    static Reply text(String s) {
        return new Text(s);
    }
}
