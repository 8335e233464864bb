package io.candor.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import io.candor.chat.ChatUser;
import io.candor.chat.CoachBot;
import io.candor.chat.CoachCommand;
import io.candor.chat.Feedback;
import io.candor.chat.HandledEvents;
import io.candor.chat.MentionDesk;
import io.candor.chat.Reply;
import io.candor.identity.SurfaceKind;
import io.candor.review.Draft;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack payloads in, calls on the core out. Every handler acknowledges at once (Slack
 * gives three seconds) and leaves reviewing, database work and Web API calls to the
 * executor; answers go back privately through {@link SlackPort}.
 */
final class SlackListeners {
    private static final Logger LOG = LoggerFactory.getLogger(SlackListeners.class);
    private final CoachBot bot;
    private final SlackPort port;
    private final SlackPeople people;
    private final SlackSettings settings;
    private final Executor work;
    private final CoachModal modal;
    private final HandledEvents handled;

    SlackListeners(CoachBot bot, SlackPort port, SlackPeople people, SlackSettings settings, Executor work,
                   HandledEvents handled) {
        this.handled = handled;
        this.bot = bot;
        this.port = port;
        this.people = people;
        this.settings = settings;
        this.work = work;
        this.modal = new CoachModal(bot.prompts());
    }

    void register(App app) {
        app.command(ActionIds.COMMAND, (req, ctx) -> slashCommand(req.getPayload(), ctx));
        app.viewSubmission(ActionIds.MODAL, (req, ctx) -> modalSubmitted(req.getPayload(), ctx));
        app.messageShortcut(ActionIds.SHORTCUT, (req, ctx) -> shortcut(req.getPayload(), ctx));
        app.blockAction(Pattern.compile(ActionIds.FEEDBACK_PATTERN), (req, ctx) -> feedbackPressed(req.getPayload(), ctx));
        app.blockAction(Pattern.compile(ActionIds.MENTION_PATTERN), (req, ctx) -> mentionPressed(req.getPayload(), ctx));
        app.blockAction(ActionIds.POSTED, (req, ctx) -> postedPressed(req.getPayload(), ctx));
        app.event(MessageEvent.class, (payload, ctx) -> channelMessage(payload, ctx));
        app.event(MessageBotEvent.class, (payload, ctx) -> integrationMessage(payload, ctx));
        app.event(ReactionAddedEvent.class, (payload, ctx) -> reaction(payload, ctx));
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> homeOpened(payload, ctx));
    }

    // ---- /coach -----------------------------------------------------------------------

    private Response slashCommand(SlashCommandPayload p, SlashCommandContext ctx) {
        String raw = p.getText() == null ? "" : p.getText();
        String text = SlackText.plain(raw).strip();
        // "/coach assign 12 @ana" arrives as <@U123|ana> (the manifest asks Slack to escape users): the command keeps
        // the member id, so anyone in the workspace can be given a mention without a people: entry
        java.util.regex.Matcher who = ASSIGNED_USER.matcher(raw);
        String[] assignee = text.matches("(?is)assign\\s.*") && who.find() ? new String[] {who.group(1), who.group(2)} : null;
        String command = assignee == null ? text : text.replaceFirst("@\\S+\\s*$", "<@" + assignee[0] + ">");
        if (text.isEmpty()) {
            // trigger_id lives about three seconds: open the modal now, before the ack, and never wait on a 429
            String channel = p.getChannelId();
            try {
                port.api().callOnce("views.open", c -> c.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(modal.view(channel))));
            } catch (SlackCallFailed e) {
                LOG.warn("could not open the /coach modal: {}", e.getMessage());
                return ctx.ack(SlackBlocks.escape(bot.prompts().render("chat:help")));
            }
            return ctx.ack();
        }
        later(p.getResponseUrl(), () -> {
            ChatUser user = people.resolve(p.getTeamId(), p.getUserId(), p.getUserName());
            if (assignee != null && bot.mentions().tracking()) {
                // users.info on first contact: the name and zone their reminders use
                bot.mentions().met(people.resolve(p.getTeamId(), assignee[0], assignee[1]));
            }
            Reply reply = bot.command(user, command);
            if (reply instanceof Reply.Figures f && f.chart().isPresent()) {
                // a file cannot be ephemeral: the chart goes to the asker's DM with Candor, and the answer says so
                port.respond(p.getResponseUrl(), new Reply.Figures(f.text() + "\n\n"
                        + bot.prompts().render("stats:chart.sent-dm"), f.chart()));
                port.uploadToDm(user, f.chart().get());
            } else {
                port.respond(p.getResponseUrl(), reply);
            }
        });
        return isCommand(text) ? ctx.ack() : ctx.ack(SlackBlocks.escape(bot.prompts().render("slack:ack.reviewing")));
    }

    private static final Pattern ASSIGNED_USER = Pattern.compile("<@(U[A-Z0-9]+)(?:\\|([^>]*))?>");

    static boolean isCommand(String text) {
        return CoachCommand.startsWithWord(text);
    }

    private Response modalSubmitted(ViewSubmissionPayload p, ViewSubmissionContext ctx) {
        CoachModal.Submission s = modal.read(p.getView());
        if (s.draft().isBlank()) {
            return ctx.ackWithErrors(Map.of(ActionIds.DRAFT, bot.prompts().render("slack:modal.error-empty")));
        }
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        later(null, () -> {
            ChatUser user = people.resolve(team, p.getUser().getId(), p.getUser().getName());
            privately(s.channel(), user, null, bot.review(user, s.toDraft()));
        });
        return ctx.ack();
    }

    private Response shortcut(MessageShortcutPayload p, MessageShortcutContext ctx) {
        String text = p.getMessage() == null ? "" : SlackText.plain(p.getMessage().getText());
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        later(p.getResponseUrl(), () -> {
            ChatUser user = people.resolve(team, p.getUser().getId(), p.getUser().getName());
            Reply reply = bot.review(user, Draft.of(text));
            if (p.getResponseUrl() != null) {
                port.respond(p.getResponseUrl(), reply);
            } else {
                privately(p.getChannel() == null ? "" : p.getChannel().getId(), user, null, reply);
            }
        });
        return ctx.ack();
    }

    // ---- buttons ----------------------------------------------------------------------

    private Response feedbackPressed(BlockActionPayload p, ActionContext ctx) {
        for (BlockActionPayload.Action a : p.getActions()) {
            Optional<Feedback> kind = ActionIds.feedback(a.getActionId());
            if (kind.isEmpty() || a.getValue() == null) {
                continue;
            }
            later(p.getResponseUrl(), () -> answer(p, bot.feedback(user(p), a.getValue(), kind.get())));
        }
        return ctx.ack();
    }

    /** "I posted this": recorded in the history as published; nothing is posted anywhere. */
    private Response postedPressed(BlockActionPayload p, ActionContext ctx) {
        for (BlockActionPayload.Action a : p.getActions()) {
            if (ActionIds.POSTED.equals(a.getActionId()) && a.getValue() != null) {
                later(p.getResponseUrl(), () -> answer(p, bot.posted(user(p), a.getValue())));
            }
        }
        return ctx.ack();
    }

    private Response mentionPressed(BlockActionPayload p, ActionContext ctx) {
        for (BlockActionPayload.Action a : p.getActions()) {
            String id = a.getValue();
            if (id == null) {
                continue;
            }
            later(p.getResponseUrl(), () -> {
                ChatUser user = user(p);
                MentionDesk desk = bot.mentions();
                Reply reply;
                if (ActionIds.MENTION_DONE.equals(a.getActionId())) {
                    reply = desk.done(user, id);
                } else if (ActionIds.MENTION_SNOOZE.equals(a.getActionId())) {
                    reply = desk.snooze(user, id, "1d");
                } else {
                    return;
                }
                answer(p, reply);
            });
        }
        return ctx.ack();
    }

    private ChatUser user(BlockActionPayload p) {
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        return people.resolve(team, p.getUser().getId(), p.getUser().getName());
    }

    private void answer(BlockActionPayload p, Reply reply) {
        if (p.getResponseUrl() != null) {
            port.respond(p.getResponseUrl(), reply);
        } else {
            privately(p.getChannel() == null ? "" : p.getChannel().getId(), user(p), null, reply);
        }
    }

    // ---- the mentions channel -----------------------------------------------------------

    private Response channelMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent e = payload.getEvent();
        if (inMentionsChannel(e.getChannel()) && first(payload.getEventId()) && e.getText() != null) {
            later(null, () -> {
                ChatUser writer = people.resolve(payload.getTeamId(), e.getUser(), e.getUser());
                onMessage(writer, e.getChannel(), e.getTs(), e.getThreadTs(), SlackText.plain(e.getText()));
            });
        }
        return ctx.ack();
    }

    /** Messages a social-listening integration posts into the mentions channel. */
    private Response integrationMessage(EventsApiPayload<MessageBotEvent> payload, EventContext ctx) {
        MessageBotEvent e = payload.getEvent();
        if (inMentionsChannel(e.getChannel()) && first(payload.getEventId()) && e.getText() != null) {
            later(null, () -> {
                ChatUser poster = ChatUser.of(SurfaceKind.SLACK, payload.getTeamId(), e.getBotId(), e.getUsername());
                onMessage(poster, e.getChannel(), e.getTs(), e.getThreadTs(), SlackText.plain(e.getText()));
            });
        }
        return ctx.ack();
    }

    private void onMessage(ChatUser writer, String channel, String ts, String threadTs, String text) {
        MentionDesk desk = bot.mentions();
        if (!desk.tracking()) {
            return;
        }
        if (threadTs != null && !threadTs.equals(ts)) {
            desk.threadReply(writer, channel, threadTs, text)
                    .ifPresent(r -> privately(channel, writer, threadTs, r));
        } else {
            desk.posted(writer, channel, ts, text, port.permalink(channel, ts));
        }
    }

    private Response reaction(EventsApiPayload<ReactionAddedEvent> payload, EventContext ctx) {
        ReactionAddedEvent e = payload.getEvent();
        if (e.getItem() != null && "message".equals(e.getItem().getType()) && inMentionsChannel(e.getItem().getChannel())
                && first(payload.getEventId())) {
            MentionDesk desk = bot.mentions();
            if (desk.tracking()) {
                later(null, () -> {
                    ChatUser user = people.resolve(payload.getTeamId(), e.getUser(), e.getUser());
                    desk.reacted(user, e.getItem().getChannel(), e.getItem().getTs(), e.getReaction())
                            .ifPresent(r -> privately(e.getItem().getChannel(), user, null, r));
                });
            }
        }
        return ctx.ack();
    }

    // ---- App Home ---------------------------------------------------------------------------

    /** The Home tab opened: the person's open mentions and muted rules, drawn fresh each time. */
    private Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent e = payload.getEvent();
        if ("home".equals(e.getTab()) && e.getUser() != null && first(payload.getEventId())) {
            later(null, () -> {
                ChatUser user = people.resolve(payload.getTeamId(), e.getUser(), e.getUser());
                port.publishHome(e.getUser(), bot.home(user));
            });
        }
        return ctx.ack();
    }

    /**
     * Slack redelivers an event with the same event_id when the first delivery looked slow or
     * failed, possibly to another instance: only the first claim of the id handles it.
     */
    private boolean first(String eventId) {
        return handled.claim(SurfaceKind.SLACK, eventId == null ? null : "event:" + eventId);
    }

    private boolean inMentionsChannel(String channel) {
        return settings.watchesMentions() && settings.mentionsChannel().equals(channel);
    }

    // ---- delivery -----------------------------------------------------------------------

    /**
     * Shows a reply only to {@code user}: ephemeral in the channel, or as a DM when Candor
     * cannot post there (not invited, a DM between two people, an archived channel).
     */
    private void privately(String channel, ChatUser user, String threadTs, Reply reply) {
        if (channel != null && !channel.isBlank()) {
            try {
                port.ephemeral(channel, user.id(), threadTs, reply);
                return;
            } catch (SlackCallFailed e) {
                LOG.info("ephemeral reply in {} failed ({}); sending it as a DM", channel, e.error());
            }
        }
        port.sendDirect(user, reply);
    }

    /** Runs slow work after the ack; a failure is told to the person when there is a way to reach them. */
    private void later(String responseUrl, Runnable task) {
        try {
            work.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Slack request failed: {}", e.toString());
                    if (responseUrl != null) {
                        try {
                            port.respond(responseUrl, bot.say("slack:failed"));
                        } catch (RuntimeException again) {
                            LOG.warn("could not tell the user either: {}", again.getMessage());
                        }
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack work queue is full or stopped; dropped one request");
        }
    }
}
