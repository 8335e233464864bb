package io.candor.chat;

import io.candor.prompts.Prompts;
import io.candor.review.Draft;
import io.candor.review.DraftReviewer;
import io.candor.review.Review;
import java.util.List;
import java.util.Map;

/**
 * The bot's brain, shared by every chat surface: it reads {@code /coach} text, reviews
 * drafts (respecting each writer's muted rules), records feedback and passes mention
 * commands to the mentions core. It never posts anywhere by itself: it returns replies
 * for the adapter to show privately to the person who asked.
 */
public final class CoachBot {
    private final DraftReviewer reviewer;
    private final FeedbackBook feedback;
    private final MentionDesk mentions;
    private final Prompts prompts;
    private final int maxChars;
    private final PostLog posts;
    private final StatsDesk stats;

    private CoachBot(Builder b) {
        this.reviewer = b.reviewer;
        this.feedback = b.feedback;
        this.prompts = b.prompts;
        this.maxChars = b.maxChars;
        this.mentions = b.mentions;
        this.posts = b.posts;
        this.stats = b.stats;
    }

    /**
     * The one way to make a bot: what reviews drafts and keeps feedback, then the features
     * it also answers for. A feature left out answers that it is off.
     *
     * @param maxChars the longest draft it reviews
     */
    public static Builder builder(DraftReviewer reviewer, FeedbackBook feedback, Prompts prompts, int maxChars) {
        return new Builder(reviewer, feedback, prompts, maxChars);
    }

    /** The bot's parts; mentions, "I posted this" and stats are off until given. */
    public static final class Builder {
        private final DraftReviewer reviewer;
        private final FeedbackBook feedback;
        private final Prompts prompts;
        private final int maxChars;
        private MentionDesk mentions;
        private PostLog posts;
        private StatsDesk stats;

        private Builder(DraftReviewer reviewer, FeedbackBook feedback, Prompts prompts, int maxChars) {
            this.reviewer = reviewer;
            this.feedback = feedback;
            this.prompts = prompts;
            this.maxChars = maxChars;
            this.mentions = MentionDesk.off(prompts);
            this.posts = PostLog.off(prompts);
            this.stats = StatsDesk.off(prompts);
        }

        /** The mentions desk: {@code /coach mentions}, done, assign, … and the mentions channel. */
        public Builder mentions(MentionDesk desk) {
            this.mentions = desk;
            return this;
        }

        /** Where "I posted this" is recorded (the history). */
        public Builder posts(PostLog log) {
            this.posts = log;
            return this;
        }

        /** What answers {@code /coach stats}. */
        public Builder stats(StatsDesk desk) {
            this.stats = desk;
            return this;
        }

        public CoachBot build() {
            return new CoachBot(this);
        }
    }

    public Prompts prompts() {
        return prompts;
    }

    /**
     * The text after {@code /coach}: a command (help, mentions, done 12, …) or a draft to
     * review, read by the one grammar every surface shares ({@link CoachCommand}).
     */
    public Reply command(ChatUser user, String text) {
        if (!mentions.tracking() && CoachCommand.ID_COMMAND.matcher(text == null ? "" : text.strip()).matches()) {
            met(user);
            return say("chat:mentions-off");
        }
        return run(user, CoachCommand.parse(text, prompts));
    }

    /** Answers a command, typed by a text surface or built from Discord's typed options. */
    public Reply run(ChatUser user, CoachCommand c) {
        met(user);
        return c.accept(new Answers(user));
    }

    /** What each command answers, for one person. */
    private final class Answers implements CoachCommand.Visitor<Reply> {
        private final ChatUser user;

        Answers(ChatUser user) {
            this.user = user;
        }

        @Override
        public Reply review(CoachCommand.Review c) {
            return CoachBot.this.review(user, c.draft());
        }

        @Override
        public Reply help() {
            return say("chat:help");
        }

        @Override
        public Reply bad(CoachCommand.Bad c) {
            return Reply.text(c.message());
        }

        @Override
        public Reply stats(CoachCommand.Stats st) {
            if (st.args().isEmpty() || stats.understands(st.args()) || st.typed().isEmpty()) {
                return stats.stats(user, st.args());
            }
            return CoachBot.this.review(user, Draft.of(st.typed().get())); // "stats show we are 2x faster" is a draft
        }

        @Override
        public Reply unmute(CoachCommand.Unmute u) {
            return feedback.unmute(user, u.rule()) ? say("chat:unmuted", Map.of("rule", u.rule()))
                    : say("chat:not-muted", Map.of("rule", u.rule()));
        }

        @Override
        public Reply mentions() {
            return CoachBot.this.mentions.mine(user);
        }

        @Override
        public Reply done(CoachCommand.Done d) {
            return CoachBot.this.mentions.done(user, d.id());
        }

        @Override
        public Reply dismiss(CoachCommand.Dismiss d) {
            return CoachBot.this.mentions.dismiss(user, d.id());
        }

        @Override
        public Reply snooze(CoachCommand.Snooze sn) {
            return CoachBot.this.mentions.snooze(user, sn.id(), sn.duration().isBlank() ? "1d" : sn.duration());
        }

        @Override
        public Reply assign(CoachCommand.Assign a) {
            return CoachBot.this.mentions.assign(user, a.id(), a.person());
        }
    }

    private void met(ChatUser user) {
        mentions.met(user); // whoever talks to Candor can be named and reminded without a people: entry
    }

    /** Reviews a draft for this person, without their muted rules, and remembers who wrote it. */
    public Reply review(ChatUser user, Draft draft) {
        String text = draft.text();
        if (io.candor.text.TextNormalizer.isBlank(text)) {
            return say("chat:empty-draft");
        }
        if (text.length() > maxChars) {
            return say("chat:draft-too-long", Map.of("max", maxChars, "length", text.length()));
        }
        Draft d = draft.by(user.writer());
        Review r = reviewer.review(d, feedback.muted(user));
        return new Reply.ReviewResult(r, posts.keeps() && r.notes().isEmpty());
    }

    /** A press of "I posted this" under a review: remembered as published; nothing is posted. */
    public Reply posted(ChatUser user, String key) {
        return Reply.text(posts.posted(user, key));
    }

    /** A press of Helpful / Not helpful / Mute under a finding. */
    public Reply feedback(ChatUser user, String rule, Feedback kind) {
        feedback.record(user, rule, kind);
        return switch (kind) {
            case MUTE -> say("chat:muted", Map.of("rule", rule));
            case HELPFUL -> say("chat:thanks-helpful", Map.of("rule", rule));
            case NOT_HELPFUL -> say("chat:thanks-not-helpful", Map.of("rule", rule));
        };
    }

    /**
     * A person's own page (Slack's App Home): the mentions waiting for them, then the rules
     * they muted and how to bring one back.
     */
    public List<Reply> home(ChatUser user) {
        List<Reply> parts = new java.util.ArrayList<>(mentions.home(user));
        java.util.SortedSet<String> muted = new java.util.TreeSet<>(feedback.muted(user));
        parts.add(muted.isEmpty() ? say("chat:home.none-muted")
                : say("chat:home.muted", Map.of("rules", String.join(", ", muted), "first", muted.first())));
        return parts;
    }

    /** The mentions desk; off (commands say so, channel events are dropped) when mentions are not set up. */
    public MentionDesk mentions() {
        return mentions;
    }

    public Reply say(String key) {
        return Reply.text(prompts.render(key));
    }

    public Reply say(String key, Map<String, ?> vars) {
        return Reply.text(prompts.render(key, vars));
    }
}
