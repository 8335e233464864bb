package io.candor.chat;

import io.candor.review.Review;
import java.util.List;

/**
 * What the core answers, in no platform's format. Adapters render it: Block Kit for Slack,
 * embeds for Discord, plain text for the terminal. Every sentence in it comes from prompts
 * and carries only {@link Markup}. A renderer is a {@link Visitor}, so a new kind of reply
 * is a compile error in every renderer until each one shows it.
 */
public sealed interface Reply {
    <R> R accept(Visitor<R> v);

    /** One method a kind of reply: what every renderer must say how to show. */
    interface Visitor<R> {
        R text(Text t);

        R review(ReviewResult r);

        R mentions(Mentions m);

        R figures(Figures f);
    }

    /** A plain answer; may use {@link Markup} ({@code **bold**}, {@code `code`}) and line breaks. */
    record Text(String text) implements Reply {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.text(this);
        }
    }

    /**
     * A draft's review, with feedback buttons on each finding; {@code postable}: an "I posted
     * this" button can record it (the draft was kept in the history).
     */
    record ReviewResult(Review review, boolean postable) implements Reply {
        public ReviewResult(Review review) {
            this(review, false);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.review(this);
        }
    }

    /**
     * A list of mentions (reminder DM, /coach mentions) with Done / Snooze buttons on each.
     * {@code more}: how many further mentions the list stands for but does not carry (a
     * reminder carries a person's oldest few and counts the rest); every surface says so.
     */
    record Mentions(String heading, List<MentionLine> lines, String footer, int more) implements Reply {
        public Mentions {
            lines = List.copyOf(lines);
            if (more < 0) {
                throw new IllegalArgumentException("more < 0");
            }
        }

        public Mentions(String heading, List<MentionLine> lines, String footer) {
            this(heading, lines, footer, 0);
        }

        /** Mentions left out: those not carried, plus those a surface could not fit after {@code shown}. */
        public int hidden(int shown) {
            return lines.size() - shown + more;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.mentions(this);
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
     * Team stats: the figures as text (with {@link Markup}) and, when asked for, a chart.
     * Counts and rule ids only, never a draft's or a mention's words.
     */
    record Figures(String text, java.util.Optional<Chart> chart) implements Reply {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.figures(this);
        }
    }

    /** A picture to attach: PNG bytes, a file name and a title (and words for screen readers). */
    record Chart(String fileName, String title, String altText, byte[] png) {
    }

    static Reply text(String s) {
        return new Text(s);
    }
}
