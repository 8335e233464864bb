package io.candor.slack;

import static io.candor.slack.SlackStandIn.JSON;
import static io.candor.slack.SlackStandIn.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.platform.Platform;
import io.candor.review.Draft;
import io.candor.review.Review;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Bolt app on loopback, real signed requests, a stand-in Slack Web API. */
class SlackHttpModeTest {
    static final String DRAFT = "Check out our app, the #1 tool on the market with guaranteed results! DM me for a deal";

    SlackRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new SlackRig();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private JsonNode awaitResponse(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.slack.responses(id).isEmpty());
        return rig.slack.responses(id).get(0).body();
    }

    private static List<JsonNode> buttons(JsonNode blocks) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode b : blocks) {
            if (b.path("type").asText().equals("actions")) {
                b.path("elements").forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void slashCommandIsAcknowledgedAtOnceThenReviewedPrivately() throws Exception {
        HttpResponse<String> ack = rig.postForm(SlackRig.form(rig.command(DRAFT, "r1")));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains("Reading your draft").doesNotContain("in_channel");

        JsonNode reply = awaitResponse("r1");
        assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
        JsonNode blocks = reply.path("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        String all = textOf(blocks);
        Review review = rig.reviewer.review(Draft.of(DRAFT), List.of());
        assertThat(review.findings()).isNotEmpty();
        assertThat(all).contains(review.verdictText(), "What to look at", "Claims", "Pitch");
        // each finding quotes its own words from the draft, and asks its question
        review.findings().forEach(f -> {
            String quoted = DRAFT.substring(f.start(), f.end()).strip();
            if (!quoted.isEmpty()) {
                assertThat(all).contains("> " + quoted);
            }
            assertThat(all).contains("_" + f.question() + "_");
        });
        List<JsonNode> buttons = buttons(blocks);
        assertThat(buttons).hasSize(3 * review.findings().size());
        assertThat(buttons).extracting(b -> b.path("text").path("text").asText())
                .contains("Helpful", "Not helpful", "Mute this rule for me");
        assertThat(buttons).extracting(b -> b.path("value").asText())
                .containsAll(review.findings().stream().map(f -> f.rule()).toList());
        // the draft is never posted to the channel
        assertThat(rig.slack.calls("chat.postMessage")).isEmpty();
        // remembered as a Slack draft by this person in this workspace
        assertThat(rig.reviewed).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo("slack");
            assertThat(d.author()).isEqualTo("U1");
            assertThat(d.team()).isEqualTo("T1");
        });
    }

    @Test
    void slashCommandWithoutTextOpensTheModal() throws Exception {
        HttpResponse<String> ack = rig.postForm(SlackRig.form(rig.command("", "r2")));

        assertThat(ack.statusCode()).isEqualTo(200);
        List<SlackStandIn.Call> opened = rig.slack.calls("views.open");
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).param("trigger_id")).isEqualTo("13345224609.738474920.8088930838d88f008e0");
        JsonNode view = JSON.readTree(opened.get(0).param("view"));
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("callback_id").asText()).isEqualTo(ActionIds.MODAL);
        assertThat(view.path("private_metadata").asText()).isEqualTo("C1");
        JsonNode draft = view.path("blocks").get(0);
        assertThat(draft.path("element").path("multiline").asBoolean()).isTrue();
        assertThat(draft.path("label").path("text").asText()).isEqualTo("Your draft");
        JsonNode platforms = view.path("blocks").get(1).path("element");
        assertThat(platforms.path("type").asText()).isEqualTo("multi_static_select");
        assertThat(platforms.path("options").findValuesAsText("value")).contains("linkedin", "bluesky", "twitter");
        assertThat(view.path("blocks").get(2).path("label").path("text").asText()).isEqualTo("Replying to");
        assertThat(rig.reviewed).isEmpty();
    }

    private static String submission(String draft, List<String> platforms, String replyTo) throws Exception {
        var values = JSON.createObjectNode();
        values.putObject("draft").putObject("draft").put("type", "plain_text_input").put("value", draft);
        var selected = values.putObject("platforms").putObject("platforms").put("type", "multi_static_select")
                .putArray("selected_options");
        platforms.forEach(p -> selected.addObject().put("value", p).putObject("text").put("type", "plain_text").put("text", p));
        values.putObject("reply_to").putObject("reply_to").put("type", "plain_text_input").put("value", replyTo);
        var payload = JSON.createObjectNode();
        payload.put("type", "view_submission");
        payload.putObject("team").put("id", "T1").put("domain", "candor-test");
        payload.putObject("user").put("id", "U1").put("username", "ana").put("name", "ana").put("team_id", "T1");
        payload.put("api_app_id", "A1").put("token", "legacy").put("trigger_id", "1.2.3");
        var view = payload.putObject("view");
        view.put("id", "V1").put("type", "modal").put("callback_id", ActionIds.MODAL).put("private_metadata", "C1")
                .put("team_id", "T1");
        view.putObject("state").set("values", values);
        return SlackRig.interactive(JSON.writeValueAsString(payload));
    }

    @Test
    void modalSubmissionReviewsWithPlatformsAndReplyToAndAnswersEphemerally() throws Exception {
        String draft = "Try our Pro plan, 50% off today! DM me";
        HttpResponse<String> ack = rig.postForm(submission(draft, List.of("linkedin", "twitter"),
                "Does the app work offline?"));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).doesNotContain("errors");
        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.slack.calls("chat.postEphemeral").isEmpty());
        SlackStandIn.Call eph = rig.slack.calls("chat.postEphemeral").get(0);
        assertThat(eph.param("channel")).isEqualTo("C1");
        assertThat(eph.param("user")).isEqualTo("U1");
        assertThat(eph.authorization()).isEqualTo("Bearer " + SlackRig.BOT_TOKEN);
        Draft seen = rig.reviewed.get(0);
        assertThat(seen.text()).isEqualTo(draft);
        assertThat(seen.platforms()).containsExactlyInAnyOrder(Platform.LINKEDIN, Platform.TWITTER);
        assertThat(seen.replyTo()).contains("Does the app work offline?");
        assertThat(seen.source()).isEqualTo("slack");
        Review expected = rig.reviewer.review(seen, List.of());
        assertThat(textOf(eph.blocks())).contains(expected.verdictText());
        assertThat(expected.findings()).anyMatch(f -> f.rule().startsWith("context.reply") || f.rule().startsWith("pitch."));
    }

    @Test
    void emptyModalSubmissionIsSentBackWithAnErrorOnTheDraftField() throws Exception {
        HttpResponse<String> ack = rig.postForm(submission("   ", List.of(), ""));

        assertThat(ack.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ack.body());
        assertThat(body.path("response_action").asText()).isEqualTo("errors");
        assertThat(body.path("errors").path("draft").asText()).contains("Paste the draft");
        assertThat(rig.reviewed).isEmpty();
    }

    @Test
    void messageShortcutReviewsThatMessagePrivately() throws Exception {
        String text = "Great post! Check out my channel <https://yt.example/c/me|yt.example/c/me> &amp; link in bio";
        var payload = JSON.createObjectNode();
        payload.put("type", "message_action").put("callback_id", ActionIds.SHORTCUT).put("trigger_id", "1.2.3")
                .put("message_ts", "1700000000.000500").put("response_url", rig.slack.responseUrl("s1"));
        payload.putObject("team").put("id", "T1").put("domain", "candor-test");
        payload.putObject("user").put("id", "U2").put("name", "bo").put("team_id", "T1");
        payload.putObject("channel").put("id", "C9").put("name", "random");
        payload.putObject("message").put("type", "message").put("user", "U7").put("ts", "1700000000.000500").put("text", text);

        HttpResponse<String> ack = rig.postForm(SlackRig.interactive(JSON.writeValueAsString(payload)));

        assertThat(ack.statusCode()).isEqualTo(200);
        JsonNode reply = awaitResponse("s1");
        assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(rig.reviewed).singleElement().satisfies(d -> {
            assertThat(d.text()).isEqualTo("Great post! Check out my channel yt.example/c/me & link in bio");
            assertThat(d.author()).isEqualTo("U2");
        });
        assertThat(textOf(reply.path("blocks"))).contains(rig.reviewer.review(rig.reviewed.get(0), List.of()).verdictText());
    }

    private String press(String actionId, String value, String responseId) throws Exception {
        var payload = JSON.createObjectNode();
        payload.put("type", "block_actions").put("trigger_id", "1.2.3").put("api_app_id", "A1")
                .put("response_url", rig.slack.responseUrl(responseId));
        payload.putObject("team").put("id", "T1").put("domain", "candor-test");
        payload.putObject("user").put("id", "U1").put("username", "ana").put("name", "ana").put("team_id", "T1");
        payload.putObject("container").put("type", "message").put("is_ephemeral", true);
        payload.putObject("channel").put("id", "C1").put("name", "social");
        payload.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "finding-0").put("value", value).put("action_ts", "1700000000.1");
        return SlackRig.interactive(JSON.writeValueAsString(payload));
    }

    @Test
    void muteButtonStopsThatRuleInLaterReviewsAndUnmuteBringsItBack() throws Exception {
        rig.postForm(SlackRig.form(rig.command(DRAFT, "before")));
        JsonNode before = awaitResponse("before").path("blocks");
        String rule = buttons(before).stream().filter(b -> b.path("action_id").asText().equals(ActionIds.MUTE))
                .findFirst().orElseThrow().path("value").asText();

        assertThat(rig.postForm(press(ActionIds.MUTE, rule, "m1")).statusCode()).isEqualTo(200);
        assertThat(textOf(awaitResponse("m1").path("blocks"))).contains("Muted " + rule);

        rig.postForm(SlackRig.form(rig.command(DRAFT, "after")));
        JsonNode after = awaitResponse("after").path("blocks");
        assertThat(buttons(after)).extracting(b -> b.path("value").asText()).doesNotContain(rule);

        rig.postForm(SlackRig.form(rig.command("unmute " + rule, "u1")));
        assertThat(textOf(awaitResponse("u1").path("blocks"))).contains(rule + " is back on");
        rig.postForm(SlackRig.form(rig.command(DRAFT, "again")));
        assertThat(buttons(awaitResponse("again").path("blocks"))).extracting(b -> b.path("value").asText()).contains(rule);
    }

    @Test
    void helpfulButtonIsThankedPrivately() throws Exception {
        rig.postForm(press(ActionIds.HELPFUL, "claims.superlative", "h1"));
        JsonNode reply = awaitResponse("h1");
        assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(textOf(reply.path("blocks"))).contains("claims.superlative helped");
    }

    @Test
    void mentionCommandsGoToTheMentionsCore() throws Exception {
        HttpResponse<String> ack = rig.postForm(SlackRig.form(rig.command("done 12", "d1")));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).doesNotContain("Reading your draft");
        assertThat(textOf(awaitResponse("d1").path("blocks"))).contains("desk:done 12");

        rig.postForm(SlackRig.form(rig.command("assign 12 @bo", "a1")));
        rig.postForm(SlackRig.form(rig.command("snooze 13 1d", "z1")));
        rig.postForm(SlackRig.form(rig.command("dismiss 14", "x1")));
        awaitResponse("a1");
        awaitResponse("z1");
        awaitResponse("x1");
        assertThat(rig.desk.calls("done")).singleElement().satisfies(c -> {
            assertThat(c.user().id()).isEqualTo("U1");
            assertThat(c.user().team()).isEqualTo("T1");
            assertThat(c.user().surface()).isEqualTo(io.candor.identity.SurfaceKind.SLACK);
        });
        assertThat(rig.desk.calls("assign").get(0).args()).containsExactly("12", "@bo");
        assertThat(rig.desk.calls("snooze").get(0).args()).containsExactly("13", "1d");
        assertThat(rig.desk.calls("dismiss").get(0).args()).containsExactly("14");
        assertThat(rig.reviewed).isEmpty();
    }

    @Test
    void assignKeepsTheMemberIdSlackSendsAndLooksThePersonUp() throws Exception {
        // with should_escape, Slack writes "@ana" as <@U777|ana>; nobody needs a people: entry for it
        rig.postForm(SlackRig.form(rig.command("assign 12 <@U777|ana>", "as1")));
        awaitResponse("as1");
        assertThat(rig.desk.calls("assign")).anyMatch(c -> c.args().equals(java.util.List.of("12", "<@U777>")));
        assertThat(rig.slack.calls("users.info")).anyMatch(c -> "U777".equals(c.param("user")));
        assertThat(rig.desk.met).anyMatch(u -> u.id().equals("U777") && u.name().equals("ana")
                && u.zone().map(z -> z.getId()).orElse("").equals("Europe/Berlin"));
    }

    @Test
    void mentionsListHasDoneAndSnoozeButtonsWiredToTheMentionsCore() throws Exception {
        rig.postForm(SlackRig.form(rig.command("mentions", "l1")));
        JsonNode blocks = awaitResponse("l1").path("blocks");
        String text = textOf(blocks);
        assertThat(text).contains("Mentions waiting for you", "*#12*", "> Does the app work offline?",
                "<https://x.example/status/1|open>", "&lt;new&gt; release &amp; docs", "waiting long");
        assertThat(buttons(blocks)).extracting(b -> b.path("action_id").asText() + "=" + b.path("value").asText()
                        + ":" + b.path("text").path("text").asText())
                .containsExactly(ActionIds.MENTION_DONE + "=12:Done", ActionIds.MENTION_SNOOZE + "=12:Snooze 1 day",
                        ActionIds.MENTION_DONE + "=13:Done", ActionIds.MENTION_SNOOZE + "=13:Snooze 1 day");

        rig.postForm(press(ActionIds.MENTION_DONE, "12", "b1"));
        rig.postForm(press(ActionIds.MENTION_SNOOZE, "13", "b2"));
        assertThat(textOf(awaitResponse("b1").path("blocks"))).contains("desk:done 12");
        assertThat(textOf(awaitResponse("b2").path("blocks"))).contains("desk:snooze 13 1d");
    }

    @Test
    void topLevelMessageInTheMentionsChannelIsANewMentionOnceDespiteRetries() throws Exception {
        String body = SlackRig.event("Ev01", """
                {"type":"message","channel":"%s","user":"U5","text":"@acme is the app down?","ts":"1700000000.000001",
                 "event_ts":"1700000000.000001","channel_type":"channel"}""".formatted(SlackRig.MENTIONS));
        assertThat(rig.postJson(body).statusCode()).isEqualTo(200);
        long ts = Instant.now().getEpochSecond();
        HttpResponse<String> retry = rig.post(body, "application/json", ts, SlackRig.sign(SlackRig.SECRET, ts, body),
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        assertThat(retry.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.desk.calls("posted").isEmpty());
        // a message elsewhere is not a mention
        rig.postJson(SlackRig.event("Ev02", """
                {"type":"message","channel":"C1","user":"U5","text":"lunch?","ts":"1700000000.000009"}"""));
        // the channel filter runs before the ack, so nothing can still be on its way
        assertThat(rig.desk.calls("posted")).singleElement().satisfies(c -> {
            assertThat(c.args()).containsExactly(SlackRig.MENTIONS, "1700000000.000001", "@acme is the app down?",
                    "https://candor-test.slack.com/archives/CMENTIONS/p1700000000000001");
            assertThat(c.user().id()).isEqualTo("U5");
            assertThat(c.user().team()).isEqualTo("T1");
            assertThat(c.user().zone()).hasValueSatisfying(z -> assertThat(z.getId()).isEqualTo("Europe/Berlin"));
        });
    }

    @Test
    void threadReplyIsReviewedAgainstTheMentionAndShownOnlyToTheReplier() throws Exception {
        rig.postJson(SlackRig.event("Ev10", """
                {"type":"message","channel":"%s","user":"U3","text":"Yes, it works offline since 2.1",
                 "ts":"1700000000.000050","thread_ts":"1700000000.000001"}""".formatted(SlackRig.MENTIONS)));

        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.slack.calls("chat.postEphemeral").isEmpty());
        assertThat(rig.desk.calls("threadReply")).singleElement().satisfies(c -> assertThat(c.args())
                .containsExactly(SlackRig.MENTIONS, "1700000000.000001", "Yes, it works offline since 2.1"));
        SlackStandIn.Call eph = rig.slack.calls("chat.postEphemeral").get(0);
        assertThat(eph.param("user")).isEqualTo("U3");
        assertThat(eph.param("channel")).isEqualTo(SlackRig.MENTIONS);
        assertThat(eph.param("thread_ts")).isEqualTo("1700000000.000001");
        assertThat(textOf(eph.blocks())).contains("desk:reviewed reply");
        assertThat(rig.desk.calls("posted")).isEmpty();
    }

    @Test
    void openingTheHomeTabPublishesThePersonsMentionsAndMutedRules() throws Exception {
        rig.bot.feedback(new io.candor.chat.ChatUser(io.candor.identity.SurfaceKind.SLACK, "T1", "U42", "ana", java.util.Optional.empty()), "pitch.discount",
                io.candor.chat.Feedback.MUTE);
        rig.postJson(SlackRig.event("EvHome1", """
                {"type":"app_home_opened","user":"U42","channel":"DU42","tab":"home","event_ts":"1700000002.000001"}"""));

        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.slack.calls("views.publish").isEmpty());
        SlackStandIn.Call publish = rig.slack.calls("views.publish").get(0);
        assertThat(publish.param("user_id")).isEqualTo("U42");
        JsonNode view = JSON.readTree(publish.param("view"));
        assertThat(view.path("type").asText()).isEqualTo("home");
        assertThat(textOf(view.path("blocks"))).contains("Does the app work offline?")
                .contains("Rules you muted:* pitch.discount. `/coach unmute pitch.discount`");
        assertThat(rig.desk.calls("mine")).singleElement().satisfies(c -> assertThat(c.user().id()).isEqualTo("U42"));
        // the Messages tab opening draws nothing
        rig.postJson(SlackRig.event("EvHome2", """
                {"type":"app_home_opened","user":"U42","channel":"DU42","tab":"messages","event_ts":"1700000003.000001"}"""));
        Thread.sleep(300);
        assertThat(rig.slack.calls("views.publish")).hasSize(1);
    }

    @Test
    void reactionInTheMentionsChannelGoesToTheMentionsCore() throws Exception {
        rig.postJson(SlackRig.event("Ev20", """
                {"type":"reaction_added","user":"U4","reaction":"white_check_mark","item_user":"U5",
                 "item":{"type":"message","channel":"%s","ts":"1700000000.000001"},"event_ts":"1700000001.000001"}"""
                .formatted(SlackRig.MENTIONS)));

        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.slack.calls("chat.postEphemeral").isEmpty());
        assertThat(rig.desk.calls("reacted")).singleElement().satisfies(c -> {
            assertThat(c.args()).containsExactly(SlackRig.MENTIONS, "1700000000.000001", "white_check_mark");
            assertThat(c.user().id()).isEqualTo("U4");
        });
        assertThat(rig.slack.calls("chat.postEphemeral").get(0).param("user")).isEqualTo("U4");
    }

    @Test
    void badSignatureAndStaleTimestampAreRejectedWithNoSideEffect() throws Exception {
        String body = SlackRig.form(rig.command(DRAFT, "forged"));
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> forged = rig.post(body, "application/x-www-form-urlencoded", now,
                SlackRig.sign("not-the-secret", now, body), Map.of());
        long old = now - 6 * 60;
        HttpResponse<String> stale = rig.post(body, "application/x-www-form-urlencoded", old,
                SlackRig.sign(SlackRig.SECRET, old, body), Map.of());
        String event = SlackRig.event("Ev99", """
                {"type":"message","channel":"%s","user":"U5","text":"forged","ts":"1700000000.000077"}"""
                .formatted(SlackRig.MENTIONS));
        HttpResponse<String> forgedEvent = rig.post(event, "application/json", now, "v0=" + "0".repeat(64), Map.of());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(forgedEvent.statusCode()).isEqualTo(401);
        // Bolt refuses before any listener runs, so no work can still be on its way
        assertThat(rig.slack.responses).isEmpty();
        assertThat(rig.reviewed).isEmpty();
        assertThat(rig.desk.calls).isEmpty();
        assertThat(rig.slack.calls).extracting(SlackStandIn.Call::method).containsOnly("auth.test");
    }

    @Test
    void timestampsMoreThanFiveMinutesAheadAreRefusedLikeOldOnes() throws Exception {
        long now = Instant.now().getEpochSecond();
        for (long ts : new long[] {now + 6 * 60, now + 3600, now + 365L * 24 * 3600}) {
            String body = SlackRig.form(rig.command(DRAFT, "future" + ts));
            assertThat(rig.post(body, "application/x-www-form-urlencoded", ts, SlackRig.sign(SlackRig.SECRET, ts, body),
                    Map.of()).statusCode()).as("timestamp %d s ahead", ts - now).isEqualTo(401);
        }
        // a clock a few minutes off either way is still fine
        for (long ts : new long[] {now - 4 * 60, now + 4 * 60}) {
            String body = SlackRig.form(rig.command(DRAFT, "skew" + ts));
            assertThat(rig.post(body, "application/x-www-form-urlencoded", ts, SlackRig.sign(SlackRig.SECRET, ts, body),
                    Map.of()).statusCode()).isEqualTo(200);
            awaitResponse("skew" + ts);
        }
        assertThat(rig.reviewed).hasSize(2);
    }

    @Test
    void theSameSignedCommandOrButtonSentAgainIsHandledOnce() throws Exception {
        String body = SlackRig.form(rig.command(DRAFT, "replayed"));
        long ts = Instant.now().getEpochSecond();
        String sig = SlackRig.sign(SlackRig.SECRET, ts, body);
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            codes.add(rig.post(body, "application/x-www-form-urlencoded", ts, sig, Map.of()).statusCode());
        }
        String button = press(ActionIds.HELPFUL, "claims.superlative", "pressed");
        String buttonSig = SlackRig.sign(SlackRig.SECRET, ts, button);
        for (int i = 0; i < 3; i++) {
            codes.add(rig.post(button, "application/x-www-form-urlencoded", ts, buttonSig, Map.of()).statusCode());
        }
        assertThat(codes).containsExactly(200, 401, 401, 200, 401, 401);
        awaitResponse("replayed");
        awaitResponse("pressed");
        // a moment for any extra answer that was wrongly on its way
        Thread.sleep(300);
        assertThat(rig.slack.responses("replayed")).hasSize(1);
        assertThat(rig.slack.responses("pressed")).hasSize(1);
        assertThat(rig.reviewed).hasSize(1);
    }

    @Test
    void nothingOfAnUnsignedBodyIsLogged() throws Exception {
        String marker = "FORGED-" + System.nanoTime();
        // a form body and a JSON body that match none of Slack's shapes, with forged log lines inside
        String form = ("nothing=slack+knows\n[main] ERROR io.candor " + marker + "\n").repeat(2_000);
        String json = "{\"type\": \"nothing slack knows\", \"text\": \"\\n[main] ERROR io.candor " + marker + "\"}";
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        List<Integer> codes = new ArrayList<>();
        try {
            for (String[] b : new String[][] {{form, "application/x-www-form-urlencoded"}, {json, "application/json"}}) {
                codes.add(rig.http.send(java.net.http.HttpRequest.newBuilder(rig.events()).header("Content-Type", b[1])
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(b[0])).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
                long now = Instant.now().getEpochSecond();
                codes.add(rig.post(b[0], b[1], now, "v0=" + "1".repeat(64), Map.of()).statusCode());
                codes.add(rig.post(b[0], b[1], now - 3600, SlackRig.sign(SlackRig.SECRET, now - 3600, b[0]), Map.of())
                        .statusCode());
            }
        } finally {
            System.setErr(err);
        }
        assertThat(codes).containsOnly(401);
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(marker).doesNotContain("slack knows");
    }

    @Test
    void slackCanVerifyTheRequestUrl() throws Exception {
        HttpResponse<String> r = rig.postJson("""
                {"token":"legacy","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void aRateLimitedModalIsNotRetriedPastTheTriggersLifeAndTheUserGetsHelpInstead() throws Exception {
        rig.slack.answerOnce("views.open", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "30"));
        HttpResponse<String> ack = rig.postForm(SlackRig.form(rig.command("", "r9")));
        assertThat(ack.statusCode()).isEqualTo(200);
        // escaped, or Slack would read <your draft> as a link
        assertThat(JSON.readTree(ack.body()).path("text").asText()).contains("/coach &lt;your draft&gt;");
        assertThat(rig.pauses).isEmpty();
    }

    @Test
    void rateLimitedEphemeralIsWaitedOutAndDelivered() throws Exception {
        rig.slack.answerOnce("chat.postEphemeral", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "2"));
        rig.postForm(submission("Thanks for the follow! Check out my channel", List.of(), ""));

        await().atMost(Duration.ofSeconds(10)).until(() -> rig.slack.calls("chat.postEphemeral").size() == 2);
        assertThat(rig.pauses).contains(Duration.ofSeconds(2));
        assertThat(rig.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void ephemeralInAChannelWithoutCandorFallsBackToADirectMessage() throws Exception {
        rig.slack.answerOnce("chat.postEphemeral", 200, "{\"ok\":false,\"error\":\"channel_not_found\"}", Map.of());
        rig.postForm(submission("Hello! Check out my channel", List.of(), ""));

        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.slack.calls("chat.postMessage").isEmpty());
        assertThat(rig.slack.calls("conversations.open").get(0).param("users")).isEqualTo("U1");
        assertThat(rig.slack.calls("chat.postMessage").get(0).param("channel")).isEqualTo("DU1");
    }
}
