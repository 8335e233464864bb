package io.candor.slack;

import com.slack.api.Slack;
import io.candor.chat.ChatPort;
import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Response;

/**
 * Everything Candor sends to Slack: DMs and channel posts for reminders (the {@link ChatPort}
 * the core uses), and the private answers to a person's own command (ephemeral messages and
 * response_url replies). Replies are rendered to Block Kit here, nowhere else.
 */
public final class SlackPort implements ChatPort {
    private final Slack slack;
    private final WebApi api;
    private final SlackBlocks blocks;

    SlackPort(Slack slack, WebApi api, SlackBlocks blocks) {
        this.slack = slack;
        this.api = api;
        this.blocks = blocks;
    }

    /** A DM from Candor: conversations.open, then chat.postMessage into that conversation. */
    @Override
    public void sendDirect(ChatUser to, Reply reply) {
        String channel = api.call("conversations.open",
                c -> c.conversationsOpen(r -> r.users(List.of(to.id())).returnIm(true))).getChannel().getId();
        post(channel, blocks.render(reply));
    }

    /** A message in a channel Candor was invited to. Candor's workspace is the token's, so {@code team} is only checked, not used. */
    @Override
    public void postToChannel(String team, String channel, Reply reply) {
        post(channel, blocks.render(reply));
    }

    void post(String channel, SlackMessage m) {
        api.call("chat.postMessage", c -> c.chatPostMessage(r -> r.channel(channel).text(m.text()).blocks(m.blocks())));
    }

    /** Visible only to {@code user}, in {@code channel} (and in a thread when threadTs is given). */
    void ephemeral(String channel, String user, String threadTs, Reply reply) {
        SlackMessage m = blocks.render(reply);
        api.call("chat.postEphemeral", c -> c.chatPostEphemeral(r -> r.channel(channel).user(user)
                .text(m.text()).blocks(m.blocks()).threadTs(threadTs)));
    }

    /**
     * The answer to a slash command, shortcut or button through the response_url Slack gave
     * with it: ephemeral, and it works in channels Candor was never invited to.
     */
    void respond(String responseUrl, Reply reply) {
        SlackMessage m = blocks.render(reply);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_type", "ephemeral");
        body.put("replace_original", false);
        body.put("text", m.text());
        body.put("blocks", m.blocks());
        for (int attempt = 1; ; attempt++) {
            try (Response r = slack.getHttpClient().postJsonBody(responseUrl, body)) {
                if (r.isSuccessful()) {
                    return;
                }
                if (r.code() == 429 && attempt < WebApi.MAX_ATTEMPTS) {
                    api.waitOut(WebApi.retryAfter(r.header("Retry-After")), "response_url");
                    continue;
                }
                throw new SlackCallFailed("response_url", "HTTP " + r.code(), null);
            } catch (IOException e) {
                throw new SlackCallFailed("response_url", e.getClass().getSimpleName(), e);
            }
        }
    }

    String permalink(String channel, String ts) {
        try {
            return api.call("chat.getPermalink", c -> c.chatGetPermalink(r -> r.channel(channel).messageTs(ts))).getPermalink();
        } catch (SlackCallFailed e) {
            return "";
        }
    }

    WebApi api() {
        return api;
    }
}
