package io.candor.discord;

import io.candor.chat.ChatPort;
import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How reminders reach people on Discord: a DM from the bot, or a post in a team channel. */
final class DiscordPort implements ChatPort {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordPort.class);
    private final JDA jda;
    private final DiscordReplies replies;

    DiscordPort(JDA jda, DiscordReplies replies) {
        this.jda = jda;
        this.replies = replies;
    }

    @Override
    public void sendDirect(ChatUser to, Reply reply) {
        var data = replies.render(reply, to.team());
        jda.openPrivateChannelById(to.id())
                .flatMap(dm -> dm.sendMessage(data))
                .queue(null, err -> LOG.warn("could not DM Discord user {}: {}", to.id(), err.getMessage()));
    }

    /** @param channel a channel id in the guild {@code team} */
    @Override
    public void postToChannel(String team, String channel, Reply reply) {
        GuildMessageChannel ch = jda.getChannelById(GuildMessageChannel.class, channel);
        if (ch == null || !ch.getGuild().getId().equals(team)) {
            LOG.warn("Discord channel {} is not a channel the bot can see in server {}", channel, team);
            return;
        }
        ch.sendMessage(replies.render(reply, team))
                .queue(null, err -> LOG.warn("could not post in Discord channel {}: {}", channel, err.getMessage()));
    }
}
