package io.candor.discord;

import static io.candor.discord.CoachListener.SURFACE;
import static io.candor.discord.CoachListener.user;

import io.candor.chat.ChatUser;
import io.candor.chat.CoachBot;
import io.candor.chat.HandledEvents;
import io.candor.chat.MentionDesk;
import io.candor.chat.Reply;
import io.candor.prompts.Prompts;
import io.candor.review.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two channels Candor reads, translated for the core: in the drafts channel each
 * message is reviewed in a thread on it; in the mentions channel top-level messages are
 * mentions, thread replies are reviewed against their mention (the review goes to the
 * writer as a DM, since Discord has no private message in a channel), reactions go to the
 * mentions core, which knows the done emoji.
 */
final class ChannelListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);

    private final CoachBot bot;
    private final DiscordSettings settings;
    private final DiscordReplies replies;
    private final Prompts prompts;
    private final ExecutorService work;
    private final HandledEvents handled;

    ChannelListener(CoachBot bot, DiscordSettings settings, DiscordReplies replies, ExecutorService work,
                    HandledEvents handled) {
        this.handled = handled;
        this.bot = bot;
        this.settings = settings;
        this.replies = replies;
        this.prompts = bot.prompts();
        this.work = work;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent e) {
        if (!e.isFromGuild() || e.getAuthor().getIdLong() == e.getJDA().getSelfUser().getIdLong()
                || e.getMessage().getType().isSystem() || !settings.isTeam(e.getGuild().getId())) {
            return;
        }
        Message message = e.getMessage();
        String channel = e.getChannel().getId();
        boolean person = !e.getAuthor().isBot() && !e.isWebhookMessage();
        String key = "message:" + message.getId();
        if (channel.equals(settings.draftsChannel()) && person) {
            once(key, () -> reviewInThread(message, user(e.getAuthor(), e.getGuild().getId())));
        } else if (channel.equals(settings.mentionsChannel())) {
            // listening tools post mentions as bots or webhooks, so those count here
            String text = mentionText(message);
            MentionDesk desk = bot.mentions();
            if (!text.isBlank() && desk.tracking()) {
                once(key, () -> desk.posted(user(e.getAuthor(), e.getGuild().getId()), channel, message.getId(), text,
                        message.getJumpUrl()));
            }
        } else if (person && e.getChannelType().isThread()
                && e.getChannel().asThreadChannel().getParentChannel().getId().equals(settings.mentionsChannel())) {
            ChatUser writer = user(e.getAuthor(), e.getGuild().getId());
            String thread = e.getChannel().getId(); // a thread started on a message has that message's id
            MentionDesk desk = bot.mentions();
            if (desk.tracking()) {
                once(key, () -> desk.threadReply(writer, settings.mentionsChannel(), thread, message.getContentRaw())
                        .ifPresent(r -> direct(e.getJDA(), writer, r)));
            }
        }
    }

    /**
     * Runs the work off JDA's thread, on the one instance that claims the event: every Candor
     * instance connected with this bot receives every message and reaction.
     */
    private void once(String key, Runnable task) {
        work.execute(() -> {
            if (handled.claim(SURFACE, key)) {
                task.run();
            }
        });
    }

    /** The words of a mention: listening tools often post an embed (author, title, text) and no content. */
    static String mentionText(Message m) {
        if (!m.getContentRaw().isBlank()) {
            return m.getContentRaw();
        }
        List<String> parts = new ArrayList<>();
        for (MessageEmbed e : m.getEmbeds()) {
            if (e.getAuthor() != null && e.getAuthor().getName() != null) {
                parts.add(e.getAuthor().getName());
            }
            if (e.getTitle() != null) {
                parts.add(e.getTitle());
            }
            if (e.getDescription() != null) {
                parts.add(e.getDescription());
            }
        }
        return String.join("\n", parts).strip();
    }

    private void reviewInThread(Message message, ChatUser author) {
        String text = message.getContentRaw();
        if (text.isBlank()) {
            return;
        }
        Reply reply;
        try {
            reply = bot.review(author, new Draft(text, List.of(), Optional.empty(), author.writer()));
        } catch (RuntimeException ex) {
            LOG.warn("reviewing a drafts-channel message failed", ex);
            reply = Reply.text(prompts.render("discord:failed"));
        }
        MessageCreateData data = replies.render(reply, author.team());
        message.createThreadChannel(DiscordReplies.cut(prompts.render("discord:thread-name"), 100))
                .flatMap(thread -> thread.sendMessage(data))
                .queue(ok -> { }, err -> LOG.warn("could not answer in a thread in the drafts channel: {}", err.getMessage()));
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent e) {
        if (!e.isFromGuild() || !e.getChannel().getId().equals(settings.mentionsChannel())
                || e.getUserIdLong() == e.getJDA().getSelfUser().getIdLong() || !settings.isTeam(e.getGuild().getId())) {
            return;
        }
        User u = e.getUser();
        ChatUser user = u == null ? ChatUser.of(SURFACE, e.getGuild().getId(), e.getUserId(), null) : user(u, e.getGuild().getId());
        String emoji = e.getEmoji().getName();
        String key = "reaction:" + e.getMessageId() + ":" + e.getUserId() + ":" + emoji;
        MentionDesk desk = bot.mentions();
        if (desk.tracking()) {
            once(key, () -> desk.reacted(user, e.getChannel().getId(), e.getMessageId(), emoji)
                    .ifPresent(r -> direct(e.getJDA(), user, r)));
        }
    }

    private void direct(JDA jda, ChatUser to, Reply r) {
        new DiscordPort(jda, replies).sendDirect(to, r);
    }
}
