package io.candor.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.chat.ChatUser;
import io.candor.chat.CoachBot;
import io.candor.chat.InMemoryFeedbackBook;
import io.candor.chat.RecordingMentionDesk;
import io.candor.chat.Reply;
import io.candor.chat.Surface;
import io.candor.config.CandorConfig;
import io.candor.identity.SurfaceKind;
import io.candor.platform.Platform;
import io.candor.review.Draft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static io.candor.discord.DiscordStandIn.DRAFTS;
import static io.candor.discord.DiscordStandIn.GENERAL;
import static io.candor.discord.DiscordStandIn.GUILD;
import static io.candor.discord.DiscordStandIn.MENTIONS;
import static io.candor.discord.DiscordStandIn.OTHER_GUILD;
import static io.candor.discord.DiscordStandIn.STRANGER;
import static io.candor.discord.DiscordStandIn.TOKEN;
import static io.candor.discord.DiscordStandIn.WRITER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real JDA against the loopback stand-in, configured with a team, a drafts and a mentions channel. */
class DiscordSurfaceTest {
    static final Duration WAIT = Duration.ofSeconds(60); // a ceiling, not a pause: the first reply loads the sentence model, slow on a loaded machine
    @TempDir
    static Path dir;
    static DiscordStandIn discord;
    static RecordingReviewer reviewer;
    static RecordingMentionDesk desk;
    static InMemoryFeedbackBook feedback;
    static CoachBot bot;
    static Surface surface;
    static final List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        discord = new DiscordStandIn();
        Path cfgFile = dir.resolve("candor.yaml");
        Files.writeString(cfgFile, """
                discord:
                  guild_ids: ["%s"]
                  drafts_channel: "%s"
                  mentions_channel: "%s"
                """.formatted(GUILD, DRAFTS, MENTIONS));
        CandorConfig cfg = CandorConfig.load(cfgFile);
        reviewer = new RecordingReviewer();
        desk = new RecordingMentionDesk();
        desk.knownParent = null;
        desk.doneEmoji = "✅";
        feedback = new InMemoryFeedbackBook();
        bot = CoachBot.builder(reviewer, feedback, reviewer.real.prompts(), 40_000).mentions(desk).posts((user, key) -> {
            posted.add(user.surface() + "/" + user.team() + "/" + user.id() + "/" + key);
            return "recorded " + key;
        }).build();
        surface = DiscordSurface.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_API_URL", discord.apiUrl()), cfg.section("discord", DiscordSettings.class), bot)
                .orElseThrow();
        surface.start();
    }

    @AfterAll
    static void disconnect() throws Exception {
        surface.close();
        discord.close();
    }

    static JsonNode callback(String token) {
        await().atMost(WAIT).until(() -> !discord.requests(r -> r.path().contains("/" + token + "/callback")).isEmpty());
        return discord.requests(r -> r.path().contains("/" + token + "/callback")).get(0).body();
    }

    static JsonNode edit(String token) {
        await().atMost(WAIT).until(() -> !discord.requests(r -> r.method().equals("PATCH") && r.path().contains("/" + token + "/")).isEmpty());
        return discord.requests(r -> r.method().equals("PATCH") && r.path().contains("/" + token + "/")).get(0).body();
    }

    static List<String> customIds(JsonNode message) {
        List<String> ids = new ArrayList<>();
        for (JsonNode row : message.path("components")) {
            for (JsonNode b : row.path("components")) {
                ids.add(b.path("custom_id").asText());
            }
        }
        return ids;
    }

    static String fieldNames(JsonNode embed) {
        return String.join("\n", StreamSupport.stream(embed.path("fields").spliterator(), false)
                .map(f -> f.path("name").asText()).toList());
    }

    @Test
    void identifyCarriesTheTokenAndAsksForMessageContentBecauseChannelsAreConfigured() {
        JsonNode identify = discord.identifies.get(0);
        assertThat(identify.path("token").asText()).isEqualTo(TOKEN);
        long intents = identify.path("intents").asLong();
        assertThat(intents & 1).as("GUILDS").isEqualTo(1);
        assertThat(intents & (1 << 9)).as("GUILD_MESSAGES").isNotZero();
        assertThat(intents & (1 << 10)).as("GUILD_MESSAGE_REACTIONS").isNotZero();
        assertThat(intents & (1 << 15)).as("MESSAGE_CONTENT").isNotZero();
    }

    @Test
    void commandsAreRegisteredInTheConfiguredServer() {
        await().atMost(WAIT).until(() -> !discord.requests(r -> r.method().equals("PUT")
                && r.path().equals("applications/" + DiscordStandIn.BOT + "/guilds/" + GUILD + "/commands")).isEmpty());
        JsonNode body = discord.requests(r -> r.method().equals("PUT")).get(0).body();
        assertThat(body.toString()).contains("\"name\":\"coach\"", "\"name\":\"Review with Candor\"",
                "\"name\":\"draft\"", "\"name\":\"platforms\"", "\"name\":\"reply_to\"", "\"name\":\"unmute\"");
    }

    @Test
    void slashReviewAnswersWithAnEphemeralEmbedOfTheFindings() {
        String token = discord.slash(GUILD, WRITER, "review", "draft", "Try our Pro plan, 50% off today! DM me",
                "reply_to", "Does the app work offline?", "platforms", "x, linkedin");
        JsonNode cb = callback(token);
        assertThat(cb.path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        // answered at once; on a machine so loaded that the review outruns the answer budget it is
        // deferred and edited in instead (aSlowReviewIsDeferredAndThenShown pins that path)
        assertThat(cb.path("type").asInt()).as("answered at once, or deferred").isIn(4, 5);
        JsonNode message = cb.path("type").asInt() == 4 ? cb.path("data") : edit(token);
        JsonNode embed = message.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isNotBlank();
        assertThat(fieldNames(embed)).contains("Pitch", "“Try our Pro plan”");
        assertThat(customIds(message)).anyMatch(id -> id.startsWith("candor:mute:" + GUILD + ":pitch."));
        Draft remembered = reviewer.drafts.stream().filter(d -> d.text().startsWith("Try our Pro plan")).findFirst().orElseThrow();
        assertThat(remembered.source()).isEqualTo("discord");
        assertThat(remembered.author()).isEqualTo(WRITER);
        assertThat(remembered.team()).isEqualTo(GUILD);
        assertThat(remembered.replyTo()).contains("Does the app work offline?");
        assertThat(remembered.platforms()).containsExactly(Platform.TWITTER, Platform.LINKEDIN);
    }

    @Test
    void contextMenuDefersThenEditsInTheReview() {
        String token = discord.contextMenu(WRITER, "Check this out!");
        JsonNode cb = callback(token);
        assertThat(cb.path("type").asInt()).as("deferred").isEqualTo(5);
        assertThat(cb.path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        JsonNode edited = edit(token);
        assertThat(fieldNames(edited.path("embeds").get(0))).contains("Context");
        Draft remembered = reviewer.drafts.stream().filter(d -> d.text().startsWith("Check this out!")).findFirst().orElseThrow();
        assertThat(remembered.source()).isEqualTo("discord");
        assertThat(remembered.team()).isEqualTo(GUILD);
    }

    @Test
    void aSlowReviewIsDeferredAndThenShown() {
        reviewer.hold();
        String token;
        try {
            token = discord.slash(GUILD, WRITER, "review", "draft", "Slow one: check out my channel");
            JsonNode cb = callback(token);
            assertThat(cb.path("type").asInt()).as("deferred before Discord's 3 s run out").isEqualTo(5);
        } finally {
            reviewer.release();
        }
        assertThat(edit(token).path("embeds").get(0).path("title").asText()).isNotBlank();
    }

    @Test
    void aMessageInTheDraftsChannelIsReviewedInAThread() {
        String message = discord.post(DRAFTS, WRITER, "Big news!!! The best app ever, guaranteed. Link in bio");
        await().atMost(WAIT).until(() -> !discord.requests(r -> r.method().equals("POST")
                && r.path().equals("channels/" + DRAFTS + "/messages/" + message + "/threads")).isEmpty());
        JsonNode thread = discord.requests(r -> r.path().endsWith(message + "/threads")).get(0).body();
        assertThat(thread.path("name").asText()).isEqualTo("Candor review");
        // the stand-in gives the thread the message's id, as Discord does
        await().atMost(WAIT).until(() -> !discord.requests(r -> r.method().equals("POST")
                && r.path().equals("channels/" + message + "/messages")).isEmpty());
        JsonNode reply = discord.requests(r -> r.path().equals("channels/" + message + "/messages")).get(0).body();
        assertThat(fieldNames(reply.path("embeds").get(0))).contains("Claims");
        assertThat(customIds(reply)).isNotEmpty();
        Draft remembered = reviewer.drafts.stream().filter(d -> d.text().startsWith("Big news")).findFirst().orElseThrow();
        assertThat(remembered.author()).isEqualTo(WRITER);
        assertThat(remembered.team()).isEqualTo(GUILD);
        assertThat(remembered.source()).isEqualTo("discord");
    }

    @Test
    void mentionsChannelPostsThreadRepliesAndDoneReactionsReachTheMentionsCore() {
        String mention = discord.post(MENTIONS, STRANGER, "@acme does the app work offline?");
        await().atMost(WAIT).until(() -> !desk.calls("posted").isEmpty());
        RecordingMentionDesk.Call posted = desk.calls("posted").get(0);
        assertThat(posted.args()).containsExactly(MENTIONS, mention, "@acme does the app work offline?",
                "https://discord.com/channels/" + GUILD + "/" + MENTIONS + "/" + mention);

        discord.threadCreated(MENTIONS, mention);
        discord.post(mention, WRITER, "Yes: everything but sync works offline.");
        await().atMost(WAIT).until(() -> !desk.calls("threadReply").isEmpty());
        assertThat(desk.calls("threadReply").get(0).args()).containsExactly(MENTIONS, mention, "Yes: everything but sync works offline.");
        assertThat(desk.calls("threadReply").get(0).user().id()).isEqualTo(WRITER);
        // the review of that reply goes to its writer privately
        await().atMost(WAIT).until(() -> discord.requests(r -> r.path().equals("channels/" + DiscordStandIn.DM + "/messages"))
                .stream().anyMatch(r -> r.body().path("content").asText().contains("desk:reviewed reply")));

        String fromTool = discord.postEmbedByBot(MENTIONS, "1100000000000000042", "@bo on Bluesky", "Your app ate my notes");
        await().atMost(WAIT).until(() -> desk.calls("posted").stream().anyMatch(c -> c.args().get(1).equals(fromTool)));
        assertThat(desk.calls("posted").stream().filter(c -> c.args().get(1).equals(fromTool)).findFirst().orElseThrow().args().get(2))
                .isEqualTo("@bo on Bluesky\nYour app ate my notes");

        discord.react(MENTIONS, mention, WRITER, "✅");
        await().atMost(WAIT).until(() -> !desk.calls("reacted").isEmpty());
        assertThat(desk.calls("reacted").get(0).args()).containsExactly(MENTIONS, mention, "✅");
        assertThat(desk.calls("reacted").get(0).user().team()).isEqualTo(GUILD);
    }

    @Test
    void muteButtonIsStoredAndTheNextReviewRespectsIt() {
        ChatUser writer = ChatUser.of(SurfaceKind.DISCORD, GUILD, WRITER, "writer");
        String token = discord.button(GUILD, WRITER, "candor:mute:" + GUILD + ":claims.guarantee");
        assertThat(callback(token).path("data").path("content").asText()).contains("Muted claims.guarantee");
        assertThat(feedback.muted(writer)).contains("claims.guarantee");

        String review = discord.slash(GUILD, WRITER, "review", "draft", "Results guaranteed for every customer.");
        assertThat(callback(review).path("data").path("components").toString()).doesNotContain("claims.guarantee");

        String unmute = discord.slash(GUILD, WRITER, "unmute", "rule", "claims.guarantee");
        assertThat(callback(unmute).path("data").path("content").asText()).contains("claims.guarantee is back on");
        assertThat(feedback.muted(writer)).doesNotContain("claims.guarantee");
    }

    @Test
    void iPostedThisUnderAReviewRecordsItForThatWriterAndPostsNothing() {
        String draft = "Our spring collection is live: forty new pieces made from recycled cotton.";
        String token = discord.slash(GUILD, WRITER, "review", "draft", draft);
        JsonNode data = callback(token).path("data");
        String key = io.candor.chat.PostLog.keyOf(draft);
        assertThat(customIds(data)).contains("candor:posted:" + GUILD + ":" + key);
        assertThat(data.path("components").toString()).contains("I posted this").doesNotContain("spring");

        int sentBefore = discord.requests(r -> r.method().equals("POST") && r.path().matches(".*/channels/\\d+/messages")).size();
        String press = discord.button(GUILD, WRITER, "candor:posted:" + GUILD + ":" + key);
        JsonNode answer = callback(press);
        assertThat(answer.path("data").path("content").asText()).isEqualTo("recorded " + key);
        assertThat(answer.path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        assertThat(posted).contains("discord/" + GUILD + "/" + WRITER + "/" + key);
        // the press sent nothing to any channel
        assertThat(discord.requests(r -> r.method().equals("POST") && r.path().matches(".*/channels/\\d+/messages")))
                .hasSize(sentBefore);
    }

    @Test
    void mentionCommandsGoToTheMentionsCore() {
        assertThat(callback(discord.slash(GUILD, WRITER, "done", "id", "12")).path("data").path("content").asText())
                .isEqualTo("desk:done 12");
        assertThat(callback(discord.slash(GUILD, WRITER, "snooze", "id", "12", "duration", "3d")).path("data").path("content").asText())
                .isEqualTo("desk:snooze 12 3d");
        assertThat(callback(discord.slash(GUILD, WRITER, "assign", "id", "12", "person", STRANGER)).path("data").path("content").asText())
                .isEqualTo("desk:assign 12 <@" + STRANGER + ">");
        JsonNode list = callback(discord.slash(GUILD, WRITER, "mentions")).path("data");
        assertThat(list.path("embeds").get(0).path("description").asText()).contains("#12", "Does the app work offline?");
        assertThat(customIds(list)).containsExactly("candor:done:" + GUILD + ":12", "candor:snooze:" + GUILD + ":12",
                "candor:done:" + GUILD + ":13", "candor:snooze:" + GUILD + ":13");
        String press = discord.button(GUILD, WRITER, "candor:snooze:" + GUILD + ":12");
        assertThat(callback(press).path("data").path("content").asText()).isEqualTo("desk:snooze 12 1d");
    }

    @Test
    void aReminderOpensADirectMessageAndPostsTheListWithButtons() {
        ChatUser writer = ChatUser.of(SurfaceKind.DISCORD, GUILD, WRITER, "writer");
        surface.port().sendDirect(writer, new Reply.Mentions("2 mentions wait for you", List.of(
                new Reply.MentionLine("31", "x", "@ana", "Is there a student discount?", null, "2 business hours", false),
                new Reply.MentionLine("32", "bluesky", "@bo", "Your app ate my notes", "https://bsky.example/p/1", "9 business hours", true)),
                "Reply in the thread, or press Done."));
        await().atMost(WAIT).until(() -> discord.requests(r -> r.path().equals("users/@me/channels"))
                .stream().anyMatch(r -> r.body().path("recipient_id").asText().equals(WRITER)));
        await().atMost(WAIT).until(() -> discord.requests(r -> r.path().equals("channels/" + DiscordStandIn.DM + "/messages"))
                .stream().anyMatch(r -> r.body().toString().contains("Is there a student discount?")));
        JsonNode dm = discord.requests(r -> r.body().toString().contains("Is there a student discount?")).get(0).body();
        assertThat(dm.path("embeds").get(0).path("title").asText()).isEqualTo("2 mentions wait for you");
        assertThat(customIds(dm)).contains("candor:done:" + GUILD + ":31", "candor:snooze:" + GUILD + ":32");

        surface.port().postToChannel(GUILD, GENERAL, Reply.text("**3 mentions** are waiting across the team."));
        await().atMost(WAIT).until(() -> discord.requests(r -> r.path().equals("channels/" + GENERAL + "/messages"))
                .stream().anyMatch(r -> r.body().path("content").asText().equals("**3 mentions** are waiting across the team.")
                        && r.body().path("allowed_mentions").path("parse").isEmpty()));
    }

    @Test
    void badInputGetsAClearPrivateAnswerAndNothingIsStored() {
        int before = reviewer.drafts.size();
        JsonNode empty = callback(discord.slash(GUILD, WRITER, "review", "draft", "   ")).path("data");
        assertThat(empty.path("flags").asInt() & 64).isEqualTo(64);
        assertThat(empty.path("content").asText()).contains("There is no draft");

        JsonNode tooLong = callback(discord.slash(GUILD, WRITER, "review", "draft", "a".repeat(6001))).path("data");
        assertThat(tooLong.path("content").asText()).contains("6001 characters", "up to 6000");

        JsonNode platform = callback(discord.slash(GUILD, WRITER, "review", "draft", "Hello", "platforms", "myspace")).path("data");
        assertThat(platform.path("content").asText()).contains("myspace", "linkedin");

        JsonNode unknown = callback(discord.slash(GUILD, WRITER, "frobnicate")).path("data");
        assertThat(unknown.path("content").asText()).contains("/coach help");

        JsonNode rule = callback(discord.slash(GUILD, WRITER, "unmute", "rule", "pitch hype please")).path("data");
        assertThat(rule.path("content").asText()).contains("is not one");

        String stranger = discord.slash(null, STRANGER, "review", "draft", "Hello from nowhere");
        assertThat(callback(stranger).path("type").asInt()).isEqualTo(5);
        assertThat(edit(stranger).path("content").asText()).contains("not in one of them");

        JsonNode otherServer = callback(discord.slash(OTHER_GUILD, WRITER, "review", "draft", "Hello from elsewhere")).path("data");
        assertThat(otherServer.path("content").asText()).contains("not in one of them");

        assertThat(reviewer.drafts).hasSize(before);
        assertThat(feedback.muted(ChatUser.of(SurfaceKind.DISCORD, GUILD, STRANGER, null))).isEmpty();
    }

    @Test
    void aDirectMessageFromATeamMemberIsReviewedForTheirTeam() {
        String token = discord.slash(null, WRITER, "review", "draft", "From my DMs: thanks for following, check out my channel");
        JsonNode edited = edit(token);
        assertThat(edited.path("embeds").get(0).path("title").asText()).isNotBlank();
        Draft remembered = reviewer.drafts.stream().filter(d -> d.text().startsWith("From my DMs")).findFirst().orElseThrow();
        assertThat(remembered.team()).isEqualTo(GUILD);
    }
}
