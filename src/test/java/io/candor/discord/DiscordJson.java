package io.candor.discord;

import io.candor.chat.Reply;
import io.candor.prompts.Prompts;

/** A reply as the JSON JDA sends to Discord (content, embeds, components), for golden files. */
public final class DiscordJson {
    private DiscordJson() {
    }

    public static String of(Reply reply, Prompts prompts, String team) {
        return new DiscordReplies(prompts).render(reply, team).toData().toString();
    }
}
