package io.candor.discord;

import io.candor.chat.ChatUser;
import io.candor.chat.CoachBot;
import io.candor.chat.CoachCommand;
import io.candor.chat.HandledEvents;
import io.candor.chat.MentionDesk;
import io.candor.chat.Reply;
import io.candor.identity.SurfaceKind;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.review.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates {@code /coach}, "Review with Candor" and button presses into calls on the core
 * and the core's replies into Discord messages; it decides nothing about drafts or mentions
 * itself. Answers are ephemeral. Work runs off JDA's event thread, and an answer that is not ready
 * within {@code answer_within_ms} is deferred first, since Discord drops it after 3 s. With
 * several instances on one bot, only the instance that claims an interaction answers it.
 */
final class CoachListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CoachListener.class);
    private static final Pattern RULE_ID = Pattern.compile("[\\w.-]+");
    static final SurfaceKind SURFACE = SurfaceKind.DISCORD;

    private final CoachBot bot;
    private final DiscordSettings settings;
    private final DiscordReplies replies;
    private final Prompts prompts;
    private final ExecutorService work;
    private final ScheduledExecutorService timer;
    private final HandledEvents handled;
    private final ExecutorService claims;

    CoachListener(CoachBot bot, DiscordSettings settings, DiscordReplies replies, ExecutorService work,
                  ScheduledExecutorService timer, HandledEvents handled, ExecutorService claims) {
        this.handled = handled;
        this.claims = claims;
        this.bot = bot;
        this.settings = settings;
        this.replies = replies;
        this.prompts = bot.prompts();
        this.work = work;
        this.timer = timer;
    }

    /** A reply and the team it belongs to (buttons in it carry the team). */
    private record Answer(Reply reply, String team) {
    }

    // ---- /coach ------------------------------------------------------------------------

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
        if (!CoachCommands.COACH.equals(e.getName())) {
            return;
        }
        if (!e.isFromGuild()) {
            // a DM has no guild: find the person's team first, which takes a REST call
            answer(e, true, () -> teamOf(e.getJDA(), e.getUser())
                    .map(u -> new Answer(coach(u, e), u.team()))
                    .orElseGet(() -> new Answer(say("discord:no-team"), "")));
            return;
        }
        String guild = e.getGuild().getId();
        if (!settings.isTeam(guild)) {
            answer(e, false, () -> new Answer(say("discord:no-team"), guild));
            return;
        }
        ChatUser user = user(e.getUser(), guild);
        answer(e, false, () -> new Answer(coach(user, e), guild));
    }

    private Reply coach(ChatUser user, SlashCommandInteractionEvent e) {
        String sub = e.getSubcommandName() == null ? "" : e.getSubcommandName();
        return switch (sub) {
            case "review" -> review(user, text(e, "draft"), text(e, "platforms"), text(e, "reply_to"));
            case "help" -> bot.run(user, new CoachCommand.Help());
            case "mentions" -> bot.run(user, new CoachCommand.Mentions());
            case "stats" -> bot.run(user, new CoachCommand.Stats(
                    (text(e, "since").strip() + " " + text(e, "platform").strip()).strip(), Optional.empty()));
            case "done" -> bot.run(user, new CoachCommand.Done(text(e, "id")));
            case "dismiss" -> bot.run(user, new CoachCommand.Dismiss(text(e, "id")));
            case "snooze" -> bot.run(user, new CoachCommand.Snooze(text(e, "id"), text(e, "duration").strip()));
            case "assign" -> {
                OptionMapping person = e.getOption("person");
                if (person != null) {
                    // the member Discord resolved for the option: their name is known from now on, no people: entry needed
                    bot.mentions().met(user(person.getAsUser(), user.team()));
                }
                yield bot.run(user, new CoachCommand.Assign(text(e, "id"),
                        person == null ? "" : "<@" + person.getAsUser().getId() + ">"));
            }
            case "unmute" -> {
                String rule = text(e, "rule").strip();
                yield RULE_ID.matcher(rule).matches() ? bot.run(user, new CoachCommand.Unmute(rule))
                        : say("discord:bad-rule", Map.of("rule", rule));
            }
            default -> say("discord:unknown-command");
        };
    }

    private Reply review(ChatUser user, String draft, String platformNames, String replyTo) {
        if (draft.length() > CoachCommands.DRAFT_OPTION_MAX) {
            return say("discord:over-option-limit", Map.of("length", draft.length(), "max", CoachCommands.DRAFT_OPTION_MAX));
        }
        List<Platform> platforms = new ArrayList<>();
        for (String name : platformNames.split("[,;\\s]+")) {
            if (name.isBlank()) {
                continue;
            }
            Optional<Platform> p = Platform.find(name);
            if (p.isEmpty()) {
                return say("discord:unknown-platform", Map.of("name", name, "known", Platform.known()));
            }
            if (!platforms.contains(p.get())) {
                platforms.add(p.get());
            }
        }
        return bot.review(user, new Draft(draft, platforms, Optional.of(replyTo), user.writer()));
    }

    // ---- "Review with Candor" on a message --------------------------------------------

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent e) {
        if (!e.getName().equals(CoachCommands.contextMenuName(prompts))) {
            return;
        }
        String guild = e.isFromGuild() ? e.getGuild().getId() : null;
        String text = e.getTarget().getContentRaw();
        // always deferred: the message can be long, and Discord shows "thinking" at once
        answer(e, true, () -> {
            if (!settings.isTeam(guild)) {
                return new Answer(say("discord:no-team"), "");
            }
            Reply r = text.isBlank() ? say("discord:nothing-to-review")
                    : bot.review(user(e.getUser(), guild), Draft.of(text));
            return new Answer(r, guild);
        });
    }

    // ---- buttons ----------------------------------------------------------------------

    @Override
    public void onButtonInteraction(ButtonInteractionEvent e) {
        Optional<ButtonId> id = ButtonId.decode(e.getComponentId());
        if (id.isEmpty()) {
            return;
        }
        ChatUser user = user(e.getUser(), id.get().team());
        if (!settings.isTeam(user.team())) {
            answer(e, false, () -> new Answer(say("discord:no-team"), ""));
            return;
        }
        answer(e, false, () -> {
            if (id.get() instanceof ButtonId.OnRule r) {
                return new Answer(bot.feedback(user, r.rule(), r.kind()), user.team());
            }
            if (id.get() instanceof ButtonId.Posted p) {
                return new Answer(bot.posted(user, p.key()), user.team());
            }
            ButtonId.OnMention m = (ButtonId.OnMention) id.get();
            MentionDesk desk = bot.mentions();
            Reply r = m.done() ? desk.done(user, m.mentionId()) : desk.snooze(user, m.mentionId(), "1d");
            return new Answer(r, user.team());
        });
    }

    // ---- plumbing ---------------------------------------------------------------------

    /**
     * Runs the job off the event thread and answers ephemerally: directly when it is done
     * within the budget, else after a deferral, by editing the "thinking" message.
     */
    private void answer(IReplyCallback e, boolean deferNow, Supplier<Answer> job) {
        long received = System.nanoTime();
        // every instance connected with this bot receives the interaction: the one that claims it answers.
        // Claims run on their own threads, so a busy review pool never delays the deferral past Discord's 3 s.
        CompletableFuture.runAsync(() -> {
            if (handled.claim(SURFACE, "interaction:" + e.getId())) {
                long spentMs = (System.nanoTime() - received) / 1_000_000;
                answerClaimed(e, deferNow, Math.max(0, settings.answerWithinMs() - spentMs), job);
            }
        }, claims).exceptionally(err -> {
            LOG.warn("could not take a Discord interaction: {}", err.toString());
            return null;
        });
    }

    private void answerClaimed(IReplyCallback e, boolean deferNow, long deferAfterMs, Supplier<Answer> job) {
        AtomicBoolean acknowledged = new AtomicBoolean(deferNow);
        if (deferNow) {
            e.deferReply(true).queue(null, err -> LOG.warn("could not defer: {}", err.getMessage()));
        } else {
            timer.schedule(() -> {
                if (acknowledged.compareAndSet(false, true)) {
                    e.deferReply(true).queue(null, err -> LOG.warn("could not defer: {}", err.getMessage()));
                }
            }, deferAfterMs, TimeUnit.MILLISECONDS);
        }
        CompletableFuture.supplyAsync(job, work).exceptionally(err -> {
            LOG.warn("answering a Discord interaction failed", err);
            return new Answer(say("discord:failed"), "");
        }).thenAccept(a -> {
            MessageCreateData data = replies.render(a.reply(), a.team());
            if (acknowledged.compareAndSet(false, true)) {
                e.reply(data).setEphemeral(true).queue(null, err -> LOG.warn("could not answer: {}", err.getMessage()));
            } else {
                e.getHook().editOriginal(MessageEditData.fromCreateData(data))
                        .queue(null, err -> LOG.warn("could not answer: {}", err.getMessage()));
            }
        });
    }

    /** The first configured team (or, with none configured, any guild of the bot) this person is in. */
    private Optional<ChatUser> teamOf(JDA jda, User u) {
        List<String> guilds = settings.guildIds().isEmpty()
                ? jda.getGuilds().stream().map(Guild::getId).toList() : settings.guildIds();
        for (String id : guilds) {
            Guild g = jda.getGuildById(id);
            if (g == null) {
                continue;
            }
            try {
                g.retrieveMemberById(u.getId()).complete();
                return Optional.of(user(u, id));
            } catch (ErrorResponseException notAMember) {
                // try the next team
            }
        }
        return Optional.empty();
    }

    static ChatUser user(User u, String guild) {
        return ChatUser.of(SURFACE, guild, u.getId(), u.getEffectiveName());
    }

    private static String text(SlashCommandInteractionEvent e, String option) {
        OptionMapping o = e.getOption(option);
        return o == null ? "" : o.getAsString();
    }

    private Reply say(String key) {
        return Reply.text(prompts.render(key));
    }

    private Reply say(String key, Map<String, ?> vars) {
        return Reply.text(prompts.render(key, vars));
    }

}
