package io.candor.mention;

import io.candor.chat.ChatUser;
import io.candor.chat.FeedbackBook;
import io.candor.chat.MentionDesk;
import io.candor.chat.Reply;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import io.candor.mention.model.Ingested;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionEvent;
import io.candor.mention.model.MentionState;
import io.candor.mention.model.NewMention;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.review.Draft;
import io.candor.review.DraftReviewer;
import io.candor.store.MentionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mentions core: takes mentions in (idempotent on platform and source id), gives them
 * owners, and carries out what people do to them from chat. It only answers the person who
 * acted; it never replies to anyone on a social network.
 */
public final class MentionTracker implements MentionDesk {
    private static final Pattern SNOOZE = Pattern.compile("(\\d{1,3})\\s*([mhdw])", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final MentionStore store;
    private final People people;
    private final Assigner assigner;
    private final MentionSettings settings;
    private final DraftReviewer reviewer;
    private final FeedbackBook feedback;
    private final MentionLines lines;
    private final Prompts prompts;
    private final Clock clock;

    public MentionTracker(MentionStore store, People people, Assigner assigner, MentionSettings settings,
                          DraftReviewer reviewer, FeedbackBook feedback, MentionLines lines, Prompts prompts,
                          Clock clock) {
        this.store = store;
        this.people = people;
        this.assigner = assigner;
        this.settings = settings;
        this.reviewer = reviewer;
        this.feedback = feedback;
        this.lines = lines;
        this.prompts = prompts;
        this.clock = clock;
    }

    public People people() {
        return people;
    }

    public MentionStore store() {
        return store;
    }

    /** Takes in mentions; new ones without an owner get one from the rules. All or nothing. */
    public List<Ingested> ingest(List<NewMention> mentions, String actor) {
        return store.ingest(mentions, actor, clock.instant(), assigner::ownerFor);
    }

    /** How many mentions nobody owns are listed under someone's own. */
    static final int UNASSIGNED_SHOWN = 10;

    /**
     * How many of a person's own mentions their list carries, oldest first: Slack shows 23 (in a
     * message and on App Home), Discord what fits in an embed, the terminal all 50; the rest are
     * counted, not read.
     */
    static final int OWN_SHOWN = 50;

    /** The person's waiting mentions, then the ones nobody has taken yet, with how to take one. */
    @Override
    public Reply mine(ChatUser user) {
        PersonRef me = people.refOf(user);
        List<Mention> mine = store.waitingFor(me, OWN_SHOWN);
        // counted after the page is read: one answered in between must not make the count smaller than the page
        int count = mine.size() < OWN_SHOWN ? mine.size() : Math.max(mine.size(), store.countWaiting(MentionStore.Whose.of(me)));
        List<Mention> nobody = store.unassigned(UNASSIGNED_SHOWN + 1);
        boolean more = nobody.size() > UNASSIGNED_SHOWN;
        nobody = nobody.subList(0, Math.min(nobody.size(), UNASSIGNED_SHOWN));
        if (mine.isEmpty() && nobody.isEmpty()) {
            return say("none-for-you", Map.of());
        }
        List<Mention> shown = new ArrayList<>(mine);
        shown.addAll(nobody);
        Map<String, Object> v = new HashMap<>();
        v.put("count", count);
        v.put("nobody", Flag.of(nobody.size()));
        v.put("more", more);
        v.put("one", nobody.size() == 1 && !more);
        v.put("example", nobody.isEmpty() ? "" : Long.toString(nobody.get(0).id()));
        v.put("me", people.display(me)); // the hint is a command they can copy as it stands
        String heading = prompts.render(mine.isEmpty() ? "mentions:mine-heading-none" : "mentions:mine-heading", v);
        String footer = prompts.render(nobody.isEmpty() ? "mentions:list-footer" : "mentions:list-footer-unassigned", v);
        return lines.list(heading, shown, clock.instant(), footer, count - mine.size());
    }

    @Override
    public Reply done(ChatUser user, String id) {
        return finish(user, id, MentionState.ANSWERED, "answered");
    }

    @Override
    public Reply dismiss(ChatUser user, String id) {
        return finish(user, id, MentionState.DISMISSED, "dismissed");
    }

    private Reply finish(ChatUser user, String id, MentionState to, String word) {
        Optional<Mention> m = lookup(id);
        if (m.isEmpty()) {
            return unknown(id);
        }
        if (!m.get().state().waiting()) {
            return say("already", Map.of("id", id, "state", m.get().state().id().replace('_', ' ')));
        }
        store.change(m.get().id(), actor(user), clock.instant(), MentionStore.Change.state(to, word, null));
        return say(word, Map.of("id", m.get().id()));
    }

    @Override
    public Reply assign(ChatUser user, String id, String person) {
        if (person == null || person.isBlank()) {
            return Reply.text(prompts.render("chat:assign-usage"));
        }
        Optional<Mention> m = lookup(id);
        if (m.isEmpty()) {
            return unknown(id);
        }
        Optional<PersonRef> who = people.assigneeFor(person, user);
        if (who.isEmpty()) {
            return say("unknown-person", Map.of("name", person, "known", knownPeople()));
        }
        store.change(m.get().id(), actor(user), clock.instant(), MentionStore.Change.owner(who.get()));
        return say("assigned", Map.of("id", m.get().id(), "person", people.display(who.get())));
    }

    @Override
    public Reply snooze(ChatUser user, String id, String duration) {
        Optional<Mention> m = lookup(id);
        if (m.isEmpty()) {
            return unknown(id);
        }
        Optional<Duration> len = snoozeLength(duration);
        if (len.isEmpty()) {
            return say("snooze-usage", Map.of("value", duration));
        }
        Instant until = clock.instant().plus(len.get());
        PersonRef who = people.refOf(user);
        store.change(m.get().id(), who.key(), clock.instant(), MentionStore.Change.snoozed(until));
        ZoneId zone = people.zone(who).or(user::zone).orElse(ZoneId.of("UTC"));
        return say("snoozed", Map.of("id", m.get().id(), "until", UNTIL.format(until.atZone(zone)), "zone", zone.getId()));
    }

    /** {@code 30m}, {@code 4h}, {@code 1d}, {@code 2w}: how long a snooze lasts; empty when it is none of these. */
    public static Optional<Duration> snoozeLength(String duration) {
        Matcher d = SNOOZE.matcher(duration == null ? "" : duration.strip());
        if (!d.matches() || Integer.parseInt(d.group(1)) == 0) {
            return Optional.empty();
        }
        long n = Long.parseLong(d.group(1));
        return Optional.of(switch (d.group(2).toLowerCase(Locale.ROOT)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "w" -> Duration.ofDays(7 * n);
            default -> Duration.ofDays(n);
        });
    }

    /**
     * Puts an answered or dismissed mention back on the list, waiting with nobody's answer yet
     * (its owner stays); a mention still waiting is left as it is.
     */
    public Reply reopen(ChatUser user, String id) {
        Optional<Mention> m = lookup(id);
        if (m.isEmpty()) {
            return unknown(id);
        }
        if (m.get().state().waiting()) {
            return say("not-closed", Map.of("id", m.get().id(), "state", m.get().state().id().replace('_', ' ')));
        }
        store.change(m.get().id(), actor(user), clock.instant(), MentionStore.Change.state(MentionState.OPEN, "reopened", null));
        return say("reopened", Map.of("id", m.get().id()));
    }

    @Override
    public void posted(ChatUser poster, String channel, String messageId, String text, String permalink) {
        if (text == null || text.isBlank()) {
            return;
        }
        String body = text.strip();
        if (body.length() > settings.maxTextChars()) {
            body = body.substring(0, settings.maxTextChars());
        }
        String key = ChannelMention.threadKey(poster.surface(), channel, messageId);
        NewMention m = new NewMention(ChannelMention.platform(body), key, ChannelMention.author(body, poster), body,
                permalink, clock.instant(), Optional.empty(), key);
        ingest(List.of(m), actor(poster));
    }

    /** The mention a mentions-channel message became, if it did. */
    public Optional<Mention> byMessage(SurfaceKind surface, String channel, String messageId) {
        return store.findByThread(ChannelMention.threadKey(surface, channel, messageId));
    }

    @Override
    public Optional<Reply> threadReply(ChatUser writer, String channel, String parentMessageId, String text) {
        return byMessage(writer.surface(), channel, parentMessageId).map(m -> replied(writer, m, text));
    }

    /**
     * A reply someone is writing to a mention: reviewed against what the mention said (so
     * a pitch where a question was asked is caught), and the mention becomes theirs, in
     * progress. Candor does not send the reply anywhere.
     */
    public Reply replied(ChatUser writer, Mention m, String text) {
        if (text == null || text.isBlank()) {
            return Reply.text(prompts.render("chat:empty-draft"));
        }
        List<Platform> target = Platform.find(m.platform()).map(List::of).orElse(List.of());
        Draft d = Draft.of(text).withPlatforms(target).withReplyTo(m.text()).by(writer.writer());
        Reply review = new Reply.ReviewResult(reviewer.review(d, feedback.muted(writer)));
        if (m.state().waiting()) {
            PersonRef who = people.refOf(writer);
            store.change(m.id(), who.key(), clock.instant(),
                    MentionStore.Change.taken(MentionState.IN_PROGRESS, who, "in_progress", "reply drafted in thread"));
        }
        return review;
    }

    @Override
    public Optional<Reply> reacted(ChatUser user, String channel, String messageId, String emoji) {
        if (!isDone(emoji)) {
            return Optional.empty();
        }
        return byMessage(user.surface(), channel, messageId).map(m -> done(user, Long.toString(m.id())));
    }

    public boolean isDone(String emoji) {
        String e = emoji == null ? "" : emoji.strip().replace(":", "");
        return settings.doneEmoji().stream().anyMatch(d -> d.replace(":", "").equals(e));
    }

    /** Marks a mention answered on behalf of a tool (the web API); empty when the id is unknown. */
    public Optional<Mention> answeredBy(long id, String actor) {
        Optional<Mention> m = store.find(id);
        if (m.isEmpty() || !m.get().state().waiting()) {
            return m;
        }
        return store.change(id, actor, clock.instant(), MentionStore.Change.state(MentionState.ANSWERED, "answered", null));
    }

    /**
     * Closes a mention the team answered on its own network (a reply found there), as answered
     * at the reply's time; empty when the mention is unknown or was already closed.
     */
    public Optional<Mention> answeredThere(String platform, String sourceId, String actor, Instant at) {
        return store.answerIfWaiting(platform, sourceId, actor, at, "replied on " + platform);
    }

    /** Gives a mention to someone on behalf of a tool (the web API); empty when nobody by that name is known. */
    public Optional<Mention> assignBy(long id, String person, String actor) {
        Optional<PersonRef> who = people.assigneeFor(person);
        if (who.isEmpty()) {
            return Optional.empty();
        }
        return store.change(id, actor, clock.instant(), MentionStore.Change.owner(who.get()));
    }

    public List<MentionEvent> history(long id) {
        return store.history(id);
    }

    private Optional<Mention> lookup(String id) {
        String s = id == null ? "" : id.strip().replaceFirst("^#", "");
        if (!s.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return store.find(Long.parseLong(s));
    }

    /** Who did it, as a mention's history says: their name in people:, else their chat key. */
    private String actor(ChatUser user) {
        return people.refOf(user).key();
    }

    private Reply unknown(String id) {
        return say("unknown-id", Map.of("id", id));
    }

    @Override
    public void met(ChatUser user) {
        people.met(user);
    }

    /** The names Candor knows, for "unknown person" answers. */
    public String knownPeople() {
        List<String> names = new ArrayList<>(people.all().stream().map(Person::name).toList());
        names.addAll(people.metNames());
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    private Reply say(String key, Map<String, ?> vars) {
        return Reply.text(prompts.render("mentions:" + key, vars));
    }
}
