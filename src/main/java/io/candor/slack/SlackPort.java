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
    private static final java.net.http.HttpClient UPLOADS = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(10)).build();
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
        String channel = dm(to);
        post(channel, blocks.render(reply));
        chartOf(reply).ifPresent(chart -> upload(channel, chart));
    }

    private String dm(ChatUser to) {
        return api.call("conversations.open",
                c -> c.conversationsOpen(r -> r.users(List.of(to.id())).returnIm(true))).getChannel().getId();
    }

    /** The chart of a stats reply, the one reply that carries a file. */
    private static java.util.Optional<Reply.Chart> chartOf(Reply reply) {
        return reply instanceof Reply.Figures f ? f.chart() : java.util.Optional.empty();
    }

    /** A chart shared in the person's DM with Candor (files cannot be ephemeral). */
    void uploadToDm(ChatUser to, Reply.Chart chart) {
        upload(dm(to), chart);
    }

    /**
     * Shares a PNG in a channel the way Slack asks now (files.upload is retired):
     * files.getUploadURLExternal, the bytes POSTed to the URL it gives, then
     * files.completeUploadExternal naming the channel.
     */
    void upload(String channel, Reply.Chart chart) {
        var slot = api.call("files.getUploadURLExternal", c -> c.filesGetUploadURLExternal(r -> r
                .filename(chart.fileName()).length(chart.png().length).altTxt(chart.altText())));
        try {
            java.net.http.HttpResponse<Void> sent = UPLOADS.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(slot.getUploadUrl()))
                    .timeout(java.time.Duration.ofSeconds(30))
                    .header("Content-Type", "image/png")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(chart.png())).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            if (sent.statusCode() / 100 != 2) {
                throw new SlackCallFailed("file upload", "HTTP " + sent.statusCode(), null);
            }
        } catch (IOException e) {
            throw new SlackCallFailed("file upload", e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed("file upload", "interrupted", e);
        }
        api.call("files.completeUploadExternal", c -> c.filesCompleteUploadExternal(r -> r
                .files(List.of(com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails.builder()
                        .id(slot.getFileId()).title(chart.title()).build()))
                .channelId(channel)));
    }

    /** A message in a channel Candor was invited to. Candor's workspace is the token's, so {@code team} is only checked, not used. */
    @Override
    public void postToChannel(String team, String channel, Reply reply) {
        post(channel, blocks.render(reply));
        chartOf(reply).ifPresent(chart -> upload(channel, chart));
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

    /**
     * The person's App Home tab (views.publish): the parts one under the other, within the
     * 100 blocks a view may hold.
     */
    void publishHome(String userId, List<Reply> parts) {
        List<com.slack.api.model.block.LayoutBlock> all = new java.util.ArrayList<>();
        for (Reply part : parts) {
            if (!all.isEmpty()) {
                all.add(com.slack.api.model.block.DividerBlock.builder().build());
            }
            all.addAll(blocks.render(part).blocks());
        }
        List<com.slack.api.model.block.LayoutBlock> shown = all.subList(0, Math.min(all.size(), 100));
        api.call("views.publish", c -> c.viewsPublish(r -> r.userId(userId)
                .view(com.slack.api.model.view.View.builder().type("home").blocks(shown).build())));
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
