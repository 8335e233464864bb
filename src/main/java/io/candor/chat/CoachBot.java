package io.candor.chat;

import io.candor.review.Draft;
import io.candor.review.DraftReviewer;
import io.candor.review.Prompts;
import io.candor.review.Review;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's brain, shared by every chat surface: it reads {@code /coach} text, reviews
 * drafts (respecting each writer's muted rules), records feedback and passes mention
 * commands to the mentions core. It never posts anywhere by itself: it returns replies
 * for the adapter to show privately to the person who asked.
 */
public final class CoachBot {
    private static final Pattern ID_COMMAND = Pattern.compile(
            "(?i)(done|dismiss|snooze|assign)\\s+#?(\\d+)(?:\\s+(.+))?");
    private static final Pattern UNMUTE = Pattern.compile("(?i)unmute\\s+([\\w.-]+)");
    private static final Pattern STATS = Pattern.compile("(?i)stats(?:\\s+(.*))?");

    private final DraftReviewer reviewer;
    private final FeedbackBook feedback;
    private final MentionDesk mentions;
    private final Prompts prompts;
    private final int maxChars;
    private final PostLog posts;
    private final StatsDesk stats;

    /** @param mentions null when mention tracking is not set up */
    public CoachBot(DraftReviewer reviewer, FeedbackBook feedback, MentionDesk mentions, Prompts prompts, int maxChars) {
        this(reviewer, feedback, mentions, prompts, maxChars, null, null);
    }

    /** @param posts where "I posted this" is recorded; null when there is no history */
    public CoachBot(DraftReviewer reviewer, FeedbackBook feedback, MentionDesk mentions, Prompts prompts, int maxChars,
                    PostLog posts) {
        this(reviewer, feedback, mentions, prompts, maxChars, posts, null);
    }

    private CoachBot(DraftReviewer reviewer, FeedbackBook feedback, MentionDesk mentions, Prompts prompts, int maxChars,
                     PostLog posts, StatsDesk stats) {
        this.posts = posts;
        this.stats = stats;
        this.reviewer = reviewer;
        this.feedback = feedback;
        this.mentions = mentions;
        this.prompts = prompts;
        this.maxChars = maxChars;
    }

    public Prompts prompts() {
        return prompts;
    }

    /** This bot answering {@code /coach stats} too. */
    public CoachBot withStats(StatsDesk desk) {
        return new CoachBot(reviewer, feedback, mentions, prompts, maxChars, posts, desk);
    }

    /**
     * The text after {@code /coach}: a command (help, mentions, done 12, …) or a draft to
     * review. A draft never looks like a command: commands are a fixed word and an id.
     */
    public Reply command(ChatUser user, String text) {
        if (mentions != null) {
            mentions.met(user); // whoever talks to Candor can be named and reminded without a people: entry
        }
        String t = text == null ? "" : text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || lower.equals("help")) {
            return say("chat:help");
        }
        if (lower.equals("mentions")) {
            return mentions == null ? say("chat:mentions-off") : mentions.mine(user);
        }
        Matcher st = STATS.matcher(t);
        if (st.matches()) {
            String args = st.group(1) == null ? "" : st.group(1).strip();
            if (args.isEmpty() || stats != null && stats.understands(args)) {
                return stats == null ? say("stats:chat.off") : stats.stats(user, args);
            }
        }
        Matcher unmute = UNMUTE.matcher(t);
        if (unmute.matches()) {
            String rule = unmute.group(1);
            return feedback.unmute(user, rule) ? say("chat:unmuted", Map.of("rule", rule))
                    : say("chat:not-muted", Map.of("rule", rule));
        }
        Matcher m = ID_COMMAND.matcher(t);
        if (m.matches()) {
            if (mentions == null) {
                return say("chat:mentions-off");
            }
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            String id = m.group(2);
            String arg = m.group(3) == null ? "" : m.group(3).strip();
            return switch (verb) {
                case "done" -> arg.isEmpty() ? mentions.done(user, id) : review(user, Draft.of(t));
                case "dismiss" -> arg.isEmpty() ? mentions.dismiss(user, id) : review(user, Draft.of(t));
                case "snooze" -> mentions.snooze(user, id, arg.isEmpty() ? "1d" : arg);
                default -> arg.isEmpty() ? say("chat:assign-usage") : mentions.assign(user, id, arg);
            };
        }
        if (t.startsWith("-")) {
            // options in front of the draft, as with candor review: -p x --reply-to "…" draft
            CoachOptions.Parsed parsed = CoachOptions.parse(t, prompts);
            return parsed instanceof CoachOptions.Ok ok ? review(user, ok.draft())
                    : Reply.text(((CoachOptions.Bad) parsed).message());
        }
        return review(user, Draft.of(t));
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
        Draft d = draft.by(user.id(), user.team(), user.surface());
        Review r = reviewer.review(d, feedback.muted(user));
        return new Reply.ReviewResult(r, posts != null && r.notes().isEmpty());
    }

    /** A press of "I posted this" under a review: remembered as published; nothing is posted. */
    public Reply posted(ChatUser user, String key) {
        return posts == null ? say("chat:posted-off") : Reply.text(posts.posted(user, key));
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
        List<Reply> parts = new java.util.ArrayList<>();
        if (mentions != null) {
            mentions.met(user);
            parts.add(mentions.mine(user));
        }
        java.util.SortedSet<String> muted = new java.util.TreeSet<>(feedback.muted(user));
        parts.add(muted.isEmpty() ? say("chat:home.none-muted")
                : say("chat:home.muted", Map.of("rules", String.join(", ", muted), "first", muted.first())));
        return parts;
    }

    public Optional<MentionDesk> mentions() {
        return Optional.ofNullable(mentions);
    }

    public Reply say(String key) {
        return Reply.text(prompts.render(key));
    }

    public Reply say(String key, Map<String, ?> vars) {
        return Reply.text(prompts.render(key, vars));
    }
}
