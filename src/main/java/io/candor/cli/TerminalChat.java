package io.candor.cli;

import io.candor.chat.ChatPort;
import io.candor.chat.ChatUser;
import io.candor.chat.CoachBot;
import io.candor.chat.Reply;
import io.candor.chat.Surface;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import io.candor.mention.Flag;
import io.candor.mention.MentionTracker;
import io.candor.mention.MentionsModule;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionEvent;
import io.candor.prompts.Prompts;
import io.candor.remind.ChatRouter;
import io.candor.remind.ReminderService;
import io.candor.remind.ReminderSettings;
import io.candor.remind.RemindersModule;
import io.candor.render.ReplyText;
import io.candor.render.TerminalMarkup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The terminal as a chat platform (like Hubot's shell adapter): the same CoachBot and
 * mentions core as Slack and Discord, with a simulated #mentions channel. Direct messages
 * and channel posts the core sends appear inline.
 */
public final class TerminalChat implements Surface, ChatPort {
    public static final SurfaceKind SURFACE = SurfaceKind.TERMINAL;
    static final String TEAM = "local";
    static final String MENTIONS_CHANNEL = "mentions";

    /** Where typed lines come from: a plain reader (a pipe, a test) or JLine with editing and history. */
    public interface Lines {
        /** The next line, after showing {@code prompt}; null at the end of input. */
        String read(String prompt) throws IOException;
    }

    private final Lines in;
    private final PrintWriter out;
    private final boolean ansi;
    private final CoachBot bot;
    private final RemindersModule remind;
    private final MentionsModule mentions;
    private final MentionTracker tracker;
    private final ReminderService reminders;
    private final Prompts prompts;
    private final Clock clock;
    private ChatUser me;
    private int messages;
    private String lastReviewed;

    /** Lines from a plain reader, the prompt printed before each: pipes and tests. */
    public TerminalChat(BufferedReader in, PrintWriter out, CoachBot bot, RemindersModule remind, Clock clock, String me) {
        this(prompt -> {
            out.print(prompt);
            out.flush();
            return in.readLine();
        }, out, false, bot, remind, clock, me);
    }

    /** @param ansi the terminal shows bold and colour (chat markup is rendered with them, else as plain words) */
    public TerminalChat(Lines in, PrintWriter out, boolean ansi, CoachBot bot, RemindersModule remind, Clock clock,
                        String me) {
        this.in = in;
        this.out = out;
        this.ansi = ansi;
        this.bot = bot;
        this.remind = remind;
        this.mentions = remind.mentions();
        this.tracker = mentions.tracker();
        this.prompts = bot.prompts();
        this.clock = clock;
        this.me = user(me);
        ChatRouter router = new ChatRouter(mentions.people(), new ReminderSettings.Summary(SURFACE.id(), TEAM, "team"))
                .add(SURFACE, this);
        this.reminders = remind.reminders(router);
    }

    private ChatUser user(String name) {
        String canonical = mentions.people().find(name).map(p -> p.name()).orElse(name);
        return new ChatUser(SURFACE, TEAM, canonical, canonical, Optional.empty());
    }

    @Override
    public SurfaceKind kind() {
        return SURFACE;
    }

    @Override
    public ChatPort port() {
        return this;
    }

    @Override
    public void start() {
    }

    @Override
    public void close() {
        out.flush();
    }

    @Override
    public void sendDirect(ChatUser to, Reply reply) {
        println(say("terminal.dm", Map.of("to", to.name())));
        show(reply);
    }

    @Override
    public void postToChannel(String team, String channel, Reply reply) {
        println(say("terminal.channel", Map.of("channel", channel)));
        show(reply);
    }

    /** Reads commands until end of input or {@code quit}. */
    public void run() throws IOException {
        run(null);
    }

    /** @param note a line shown after the welcome (who the demo teammates are), or null */
    public void run(String note) throws IOException {
        println(say("terminal.welcome", Map.of("me", me.name())));
        if (note != null) {
            println(note);
        }
        println(say("terminal.help", Map.of()));
        for (String line; (line = in.read(me.name() + "> ")) != null; ) {
            if (!handle(line.strip())) {
                break;
            }
        }
        println(say("terminal.bye", Map.of()));
        out.flush();
    }

    /** One line typed by the user; false when they want to leave. */
    boolean handle(String line) {
        if (line.isEmpty()) {
            return true;
        }
        String[] parts = line.split("\\s+", 2);
        String word = parts[0].toLowerCase(java.util.Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        switch (word) {
            case "quit", "exit", "/quit" -> {
                return false;
            }
            case "help", "/help", "?" -> println(say("terminal.help", Map.of()));
            case "/coach" -> {
                Reply r = bot.command(me, rest);
                if (r instanceof Reply.ReviewResult rr) {
                    lastReviewed = rr.review().draft().text();
                }
                show(r);
            }
            case "posted" -> show(lastReviewed == null ? Reply.text(prompts.render("history:posted.nothing-reviewed"))
                    : bot.posted(me, io.candor.chat.PostLog.keyOf(lastReviewed)));
            case "mentions" -> show(bot.command(me, "mentions"));
            case "stats" -> show(bot.command(me, ("stats " + rest).strip()));
            case "post" -> post(rest);
            case "reply" -> reply(rest);
            case "react" -> react(rest);
            case "remind" -> remind(rest);
            case "as" -> {
                if (!rest.isEmpty()) {
                    me = user(rest);
                }
                println(say("terminal.me", Map.of("me", me.name())));
            }
            case "history" -> history(rest);
            default -> println(say("terminal.unknown-command", Map.of("word", parts[0])));
        }
        out.flush();
        return true;
    }

    private void post(String text) {
        String id = "m" + (++messages);
        tracker.posted(me, MENTIONS_CHANNEL, id, text, null);
        Optional<Mention> m = tracker.byMessage(SURFACE, MENTIONS_CHANNEL, id);
        if (m.isEmpty()) {
            println(say("terminal.not-posted", Map.of()));
            return;
        }
        Mention got = m.get();
        println(say("terminal.posted", Map.of("me", me.name(), "id", got.id(), "author", got.author(),
                "platform", got.platform(), "owner", Flag.of(got.assignee().map(mentions.people()::display).orElse("")),
                "nobody", got.assignee().isEmpty())));
    }

    private void reply(String rest) {
        String[] p = rest.split("\\s+", 2);
        Optional<Mention> m = find(p[0]);
        if (m.isEmpty()) {
            println(say("terminal.no-thread", Map.of("id", p[0])));
            return;
        }
        show(tracker.replied(me, m.get(), p.length > 1 ? p[1] : ""));
    }

    private void react(String rest) {
        String[] p = rest.split("\\s+", 2);
        String emoji = p.length > 1 ? p[1].strip() : mentions.mentionSettings().doneEmoji().get(0);
        if (!tracker.isDone(emoji)) {
            println(say("terminal.reaction-ignored", Map.of("emoji", emoji,
                    "done", String.join(" ", mentions.mentionSettings().doneEmoji()))));
            return;
        }
        show(tracker.done(me, p[0]));
    }

    /**
     * The reminders as they would go out now, or at {@code --at TIME}: {@code next} (the next
     * moment anyone gets one), {@code tomorrow}, {@code 14:00} (today), a date, or a date-time,
     * in the team's zone. Shown here only; nothing is recorded as sent.
     */
    private void remind(String rest) {
        String arg = rest.strip();
        Instant now = clock.instant();
        Instant at = now;
        if (!arg.isEmpty()) {
            String when = arg.replaceFirst("^--at(=|\\s+)", "");
            if (when.equals(arg) || when.isBlank()) {
                println(say("terminal.remind-usage", Map.of("value", arg)));
                return;
            }
            Optional<Instant> parsed = RemindTimes.parse(when.strip(), now, remind.settings(), this::nextReminder);
            if (parsed.isEmpty()) {
                println(say(when.strip().equalsIgnoreCase("next") ? "terminal.remind-none-waiting" : "terminal.remind-usage",
                        Map.of("value", when.strip())));
                return;
            }
            at = parsed.get();
            println(say("terminal.remind-at", Map.of("at", RemindTimes.describe(at, remind.settings().zoneId()))));
        }
        List<?> sent = reminders.deliverNow(at);
        if (sent.isEmpty()) {
            Optional<Instant> next = nextReminder(at);
            println(say("terminal.no-reminders", Map.of("min", RemindTimes.hours(remind.settings().minAgeHours()),
                    "next", Flag.of(next.map(t -> RemindTimes.describe(t, remind.settings().zoneId())).orElse("")))));
        }
    }

    /** The first reminder time after {@code from} at which anyone would get a reminder. */
    private Optional<Instant> nextReminder(Instant from) {
        return RemindTimes.slotsAfter(from, remind.settings(), 21).stream()
                .filter(t -> !reminders.preview(t).isEmpty()).findFirst();
    }

    private void history(String id) {
        Optional<Mention> m = find(id);
        if (m.isEmpty()) {
            println(say("terminal.no-thread", Map.of("id", id)));
            return;
        }
        for (MentionEvent e : tracker.history(m.get().id())) {
            ZoneId zone = zone();
            println(say("terminal.history-line", Map.of("at", RemindTimes.describe(e.at(), zone),
                    "actor", mentions.people().display(PersonRef.parse(e.actor())), "action", e.action().replace('_', ' '),
                    "detail", Flag.of(e.detail() == null ? null : RemindTimes.localTimes(e.detail(), zone)))));
        }
    }

    /** The zone times are shown in: this person's, else the team's. */
    private ZoneId zone() {
        return mentions.people().zone(mentions.people().refOf(me)).orElse(remind.settings().zoneId());
    }

    private Optional<Mention> find(String id) {
        String s = id == null ? "" : id.strip().replaceFirst("^#", "");
        return s.matches("\\d{1,18}") ? mentions.store().find(Long.parseLong(s)) : Optional.empty();
    }

    private void show(Reply r) {
        println(ReplyText.render(r, prompts));
    }

    private void println(String text) {
        out.println(TerminalMarkup.render(text, ansi));
    }

    private String say(String key, Map<String, ?> vars) {
        return prompts.render("chat:" + key, vars);
    }
}
