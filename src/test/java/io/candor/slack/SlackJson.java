package io.candor.slack;

import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import io.candor.chat.Reply;
import io.candor.prompts.Prompts;

/** A reply as the Block Kit JSON the Slack SDK sends ({@code text} and {@code blocks}), for golden files. */
public final class SlackJson {
    private SlackJson() {
    }

    public static String of(Reply reply, Prompts prompts) {
        SlackMessage m = new SlackBlocks(prompts).render(reply);
        var gson = GsonFactory.createSnakeCase();
        JsonObject o = new JsonObject();
        o.addProperty("text", m.text());
        o.add("blocks", gson.toJsonTree(m.blocks()));
        return gson.toJson(o);
    }
}
