package io.candor.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.candor.TestTeam;
import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionEvent;
import io.candor.mention.model.MentionState;
import io.candor.review.Draft;
import io.candor.review.Finding;
import io.candor.stats.Period;
import io.candor.stats.StatsQuery;
import io.candor.stats.StatsReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Candor reading a Mastodon account (the loopback {@link MastodonStandIn}) the way
 * {@code candor serve} does: what goes in, what is skipped, how pages are walked, how the
 * team's own reply closes a mention, and what happens when the instance refuses, slows Candor
 * down or fails. After every test the stand-in's log shows nothing but the documented reads.
 */
class MastodonPollTest {
    private static final String YAML = TestTeam.PEOPLE + """
            mentions:
              owners:
                - {platform: mastodon, group: [alice]}
            reminders: {zone: UTC}
            networks: {poll_seconds: 5, timeout_seconds: 1, team: T1}
            """;
    private static final Instant NOW = NetworkRig.NOW;
    private MastodonStandIn mastodon;
    private NetworkRig rig;

    @BeforeEach
    void start() throws Exception {
        mastodon = new MastodonStandIn();
    }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        mastodon.close();
        // read-only: only these GETs were ever sent, whatever the test did
        assertThat(mastodon.requests).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).matches("/api/v1/(apps/verify_credentials|accounts/verify_credentials|notifications"
                    + "|accounts/" + MastodonStandIn.ACCOUNT_ID + "/statuses)");
        });
    }

    private NetworkRig rig(String yaml) {
        rig = new NetworkRig(yaml, env(MastodonStandIn.TOKEN));
        return rig;
    }

    private Map<String, String> env(String token) {
        return Map.of("CANDOR_MASTODON_URL", mastodon.url(), "CANDOR_MASTODON_TOKEN", token);
    }

    @Test
    void mentionsRepliesAndQuotesGoInAsPlainTextWithTheirLinksAuthorsAndTimes() {
        String html = "<p><span class=\"h-card\"><a href=\"https://127.0.0.1/@team\" class=\"u-url mention\">@<span>team</span>"
                + "</a></span> does it work offline? See <a href=\"https://example.com/docs/offline-mode\" rel=\"nofollow"
                + " noopener\" target=\"_blank\"><span class=\"invisible\">https://</span><span class=\"ellipsis\">example.com"
                + "/docs/offl</span><span class=\"invisible\">ine-mode</span></a> <a href=\"https://example.social/tags/sync\""
                + " class=\"mention hashtag\" rel=\"tag\">#<span>sync</span></a></p><p>Thanks!<br>Sam &amp; Co</p>";
        String sam = mastodon.mention("sam@example.social", html, NOW.minus(Duration.ofHours(3)));
        String ourPost = mastodon.teamPost("<p>Version 2.3 is out</p>", NOW.minus(Duration.ofDays(1)), null);
        String lee = mastodon.reply("lee", "<p>Love 2.3!</p>", NOW.minus(Duration.ofHours(2)), ourPost);
        String kim = mastodon.quote("kim@other.example", "<p>This is the update we waited for</p>", NOW.minus(Duration.ofHours(1)));
        mastodon.favourite("fan@example.social", NOW.minus(Duration.ofMinutes(30)));

        PollReport r = rig(YAML).pollOnce();

        assertThat(r.outcome()).isEqualTo(PollReport.Outcome.POLLED);
        assertThat(r.account()).isEqualTo("@team@127.0.0.1");
        assertThat(r.created()).isEqualTo(3);
        Mention m = rig.bySource("mastodon", sam);
        assertThat(m.platform()).isEqualTo("mastodon");
        assertThat(m.author()).isEqualTo("@sam@example.social");
        assertThat(m.text()).isEqualTo("@team does it work offline? See https://example.com/docs/offline-mode #sync\n\nThanks!\nSam & Co");
        assertThat(m.url()).isEqualTo("https://example.social/@sam/" + sam);
        assertThat(m.receivedAt()).isEqualTo(NOW.minus(Duration.ofHours(3)));
        assertThat(m.assignee().map(PersonRef::key)).hasValue("alice"); // the owner rules apply as for the webhook
        assertThat(m.state()).isEqualTo(MentionState.OPEN);
        assertThat(rig.bySource("mastodon", lee).author()).isEqualTo("@lee@127.0.0.1");
        assertThat(rig.bySource("mastodon", kim).text()).isEqualTo("This is the update we waited for");
        assertThat(rig.mentions()).hasSize(3); // the like is not a mention
        assertThat(rig.team.m.tracker().history(m.id())).extracting(MentionEvent::actor, MentionEvent::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mastodon", "received"));

        // a second poll finds nothing new and asks only for what came after
        PollReport again = rig.pollOnce();
        assertThat(again.created()).isZero();
        assertThat(mastodon.to("/api/v1/notifications").get(mastodon.to("/api/v1/notifications").size() - 1).param("min_id"))
                .isNotNull();
    }

    @Test
    void theKindsSettingLeavesOutWhatTheTeamDoesNotCount() {
        String ourPost = mastodon.teamPost("<p>Version 2.3 is out</p>", NOW.minus(Duration.ofDays(1)), null);
        mastodon.mention("sam@example.social", "<p>@team hello</p>", NOW.minus(Duration.ofHours(3)));
        String lee = mastodon.reply("lee", "<p>Love 2.3!</p>", NOW.minus(Duration.ofHours(2)), ourPost);
        mastodon.quote("kim@other.example", "<p>Quoted</p>", NOW.minus(Duration.ofHours(1)));

        PollReport r = rig(YAML.replace("networks: {", "networks: {kinds: [replies], ")).pollOnce();

        assertThat(r.created()).isEqualTo(1);
        assertThat(rig.mentions()).extracting(Mention::sourceId).containsExactly(lee);
        assertThat(mastodon.to("/api/v1/notifications")).allSatisfy(q -> assertThat(q.query().get("types[]"))
                .containsExactly("mention"));
    }

    @Test
    void pagesAreWalkedBackOnTheFirstReadThenForwardAndARestartResumesWhereItStopped() {
        for (int i = 0; i < 5; i++) {
            mastodon.mention("old" + i + "@example.social", "<p>too old</p>", NOW.minus(Duration.ofDays(9)).plusSeconds(i));
        }
        for (int i = 0; i < 200; i++) {
            mastodon.mention("fan" + i + "@example.social", "<p>question " + i + "</p>", NOW.minus(Duration.ofHours(60)).plusSeconds(60L * i));
        }
        rig(YAML);

        PollReport first = rig.pollOnce();
        assertThat(first.created()).isEqualTo(200); // networks.first_pull_days (7) back, not the nine-day-old ones
        List<StandIn.Request> back = mastodon.to("/api/v1/notifications");
        assertThat(back).hasSizeGreaterThanOrEqualTo(3).allSatisfy(q -> assertThat(q.param("limit")).isEqualTo("80"));
        assertThat(back.subList(1, back.size())).allSatisfy(q -> assertThat(q.param("max_id")).isNotNull());

        for (int i = 0; i < 100; i++) {
            mastodon.mention("new" + i + "@example.social", "<p>new question " + i + "</p>", NOW.plusSeconds(i));
        }
        int before = mastodon.requests.size();
        PollReport second = rig.pollOnce();
        assertThat(second.created()).isEqualTo(100);
        assertThat(second.known()).isZero(); // forward from the cursor: nothing read twice
        assertThat(mastodon.requests.subList(before, mastodon.requests.size()).stream()
                .filter(q -> q.path().equals("/api/v1/notifications")))
                .hasSize(3).allSatisfy(q -> assertThat(q.param("min_id")).isNotNull());

        // Candor stops; mentions come in meanwhile; a new instance on the same database carries on
        rig.poller.close();
        for (int i = 0; i < 30; i++) {
            mastodon.mention("late" + i + "@example.social", "<p>while you were away " + i + "</p>", NOW.plusSeconds(600 + i));
        }
        rig.poller = rig.newPoller("restarted-instance");
        PollReport third = rig.pollOnce();
        assertThat(third.created()).isEqualTo(30);
        assertThat(third.known()).isZero();
        assertThat(rig.mentions()).hasSize(330);
    }

    @Test
    void theTeamsOwnReplyThereClosesTheMentionAtTheReplysTimeAndIsKeptAsAPost() {
        String asked = mastodon.mention("sam@example.social", "<p>@team does the app work offline?</p>", NOW.minus(Duration.ofMinutes(50)));
        String other = mastodon.mention("ana@example.social", "<p>@team when is 2.4 out?</p>", NOW.minus(Duration.ofMinutes(45)));
        String stranger = mastodon.strangerReply("bo@example.social", "<p>@sam @team it does for me</p>",
                NOW.minus(Duration.ofMinutes(40)), asked);
        String answer = "Yes: offline mode arrived in version 2.3. Open Settings, then Offline, and pick the boards to keep on the phone.";
        Instant repliedAt = NOW.minus(Duration.ofMinutes(20));
        mastodon.teamPost("<p><span class=\"h-card\"><a href=\"https://example.social/@sam\" class=\"u-url mention\">@<span>sam"
                + "</span></a></span> " + answer + "</p>", repliedAt, asked);
        mastodon.teamPost("<p>A post of our own, answering nobody</p>", NOW.minus(Duration.ofMinutes(10)), null);

        PollReport r = rig(YAML).pollOnce();

        assertThat(r.created()).isEqualTo(3);
        assertThat(r.answered()).isEqualTo(1);
        Mention closed = rig.bySource("mastodon", asked);
        assertThat(closed.state()).isEqualTo(MentionState.ANSWERED);
        assertThat(rig.team.m.tracker().history(closed.id())).filteredOn(e -> e.action().equals("answered"))
                .singleElement().satisfies(e -> {
                    assertThat(e.at()).isEqualTo(repliedAt);
                    assertThat(e.actor()).isEqualTo("mastodon");
                });
        assertThat(rig.state("mastodon", other)).isEqualTo(MentionState.OPEN);
        assertThat(rig.state("mastodon", stranger)).isEqualTo(MentionState.OPEN); // someone else's reply answers nothing

        // the stats count it answered 30 minutes after it was written (business hours, UTC)
        StatsReport stats = rig.team.wiring.stats().stats().build(new StatsQuery(
                Period.parse("7d", null, NOW, ZoneOffset.UTC, 30), Optional.empty(), Optional.of("mastodon"), true));
        assertThat(stats.scopes().get(0).replies().answered()).isEqualTo(1);
        assertThat(stats.scopes().get(0).replies().medianHours()).isEqualTo(0.5);

        // the reply is in the history as a published post: the next copy-paste of it, to someone else, is a template
        Reply review = rig.team.wiring.bot().review(ChatUser.of(SurfaceKind.SLACK, "T1", "UBOB", "bob"),
                Draft.of("@ana " + answer));
        assertThat(((Reply.ReviewResult) review).review().findings()).extracting(Finding::rule).contains("broadcast.template");

        // a second poll does not close it again or keep the reply twice
        assertThat(rig.pollOnce().answered()).isZero();
        assertThat(rig.kept).hasSize(1);
    }

    @Test
    void deletedAndMalformedNotificationsAreSkippedAndCountedAndTheRestGoIn() {
        mastodon.mention("sam@example.social", "<p>first</p>", NOW.minus(Duration.ofHours(5)));
        mastodon.deletedMention("gone@example.social", NOW.minus(Duration.ofHours(4)));
        ObjectNode noAuthor = StandIn.JSON.createObjectNode().put("type", "mention").put("created_at", NOW.minus(Duration.ofHours(3)).toString());
        noAuthor.putObject("status").put("id", "120000000000000001").put("created_at", NOW.toString()).put("content", "<p>x</p>");
        mastodon.raw(noAuthor);
        ObjectNode badTime = StandIn.JSON.createObjectNode().put("type", "mention").put("created_at", NOW.minus(Duration.ofHours(2)).toString());
        badTime.putObject("status").put("id", "120000000000000002").put("created_at", "yesterday").put("content", "<p>y</p>")
                .putObject("account").put("acct", "odd@example.social");
        mastodon.raw(badTime);
        mastodon.mention("ana@example.social", "<p>last</p>", NOW.minus(Duration.ofHours(1)));

        PollReport r = rig(YAML).pollOnce();

        assertThat(r.outcome()).isEqualTo(PollReport.Outcome.POLLED);
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(new Skipped(2, 1, 0));
        assertThat(rig.mentions()).extracting(Mention::author).containsExactly("@sam@example.social", "@ana@example.social");
    }

    @Test
    void aTokenThatMayWriteIsRefusedBeforeAnythingIsRead() {
        mastodon.scopes = List.of("read", "write:statuses");
        mastodon.mention("sam@example.social", "<p>hello</p>", NOW.minus(Duration.ofHours(1)));

        PollReport r = rig(YAML).pollOnce();

        assertThat(r.outcome()).isEqualTo(PollReport.Outcome.REFUSED);
        assertThat(rig.poller.problem(rig.poller.connectors().get(0))).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("may do more than read").contains("read:notifications");
        assertThat(mastodon.requests).extracting(StandIn.Request::path).containsOnly("/api/v1/apps/verify_credentials");
        assertThat(rig.mentions()).isEmpty();

        // an instance too old to say which scopes a token has: the token is taken
        mastodon.scopes = null;
        assertThat(rig.pollOnce().outcome()).isEqualTo(PollReport.Outcome.POLLED);
        assertThat(rig.poller.problem(rig.poller.connectors().get(0))).isEmpty();
    }

    @Test
    void aRefusedTokenIsNamedOnceAndReadingResumesWhenTheInstanceTakesItAgain() {
        rig = new NetworkRig(YAML, env("revoked-token"));
        PollReport r = rig.pollOnce();
        assertThat(r.outcome()).isEqualTo(PollReport.Outcome.REFUSED);
        assertThat(r.reason()).isEqualTo("the instance refused the access token (401)");
        assertThat(rig.poller.problem(rig.poller.connectors().get(0))).contains(
                "127.0.0.1:" + mastodon.url().replaceAll(".*:", "") + ": the instance refused the access token (401)");
        assertThat(r.retryAt()).isEqualTo(NOW.plusSeconds(10)); // backed off: poll_seconds doubled
    }

    @Test
    void rateLimitsAreWaitedOutAsTheHeadersSay() {
        mastodon.mention("sam@example.social", "<p>hello</p>", NOW.minus(Duration.ofHours(1)));
        Instant reset = NOW.plus(Duration.ofMinutes(5));
        mastodon.fail("/api/v1/notifications", 1, new StandIn.Canned(429, "{\"error\":\"Too many requests\"}",
                Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset.toString()), 0));
        rig(YAML);

        PollReport limited = rig.pollOnce();
        assertThat(limited.outcome()).isEqualTo(PollReport.Outcome.RATE_LIMITED);
        assertThat(limited.retryAt()).isEqualTo(reset);
        assertThat(rig.poller.problem(rig.poller.connectors().get(0))).isEmpty(); // slowing down is not "not ready"

        // an answer that says no requests remain holds the next one back, unsent, until the reset
        rig.team.clock.set(reset.plusSeconds(1));
        mastodon.rateLimitRemaining = 0;
        mastodon.rateLimitReset = reset.plus(Duration.ofMinutes(5));
        PollReport held = rig.pollOnce();
        assertThat(held.outcome()).isEqualTo(PollReport.Outcome.RATE_LIMITED);
        assertThat(held.retryAt()).isEqualTo(mastodon.rateLimitReset);
        int sent = mastodon.requests.size();
        assertThat(rig.pollOnce().outcome()).isEqualTo(PollReport.Outcome.RATE_LIMITED);
        assertThat(mastodon.requests).hasSize(sent);

        mastodon.rateLimitRemaining = null;
        rig.team.clock.set(mastodon.rateLimitReset.plusSeconds(1));
        PollReport after = rig.pollOnce();
        assertThat(after.outcome()).isEqualTo(PollReport.Outcome.POLLED);
        assertThat(rig.mentions()).hasSize(1);
    }

    @Test
    void serverErrorsAndTimeoutsBackOffAndNeverLoseTheCursor() {
        mastodon.mention("sam@example.social", "<p>hello</p>", NOW.minus(Duration.ofHours(1)));
        mastodon.fail("/api/v1/notifications", 2, StandIn.Canned.status(503));
        rig(YAML);

        PollReport first = rig.pollOnce();
        assertThat(first.outcome()).isEqualTo(PollReport.Outcome.UNAVAILABLE);
        assertThat(first.reason()).isEqualTo("answered 503");
        assertThat(first.retryAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(rig.pollOnce().retryAt()).isEqualTo(NOW.plusSeconds(20)); // doubled
        assertThat(rig.pollOnce().outcome()).isEqualTo(PollReport.Outcome.POLLED);
        assertThat(rig.mentions()).hasSize(1);

        // an instance that does not answer within networks.timeout_seconds (1 s here)
        mastodon.mention("ana@example.social", "<p>again</p>", NOW);
        mastodon.fail("/api/v1/notifications", 1, StandIn.Canned.slow(3_000));
        PollReport slow = rig.pollOnce();
        assertThat(slow.outcome()).isEqualTo(PollReport.Outcome.UNAVAILABLE);
        assertThat(slow.reason()).isEqualTo("no answer within 1 s");
        assertThat(rig.pollOnce().created()).isEqualTo(1);
        assertThat(rig.mentions()).hasSize(2);
    }

    @Test
    void nothingTheInstanceSendsIsWrittenToTheLog() {
        String marker = "PRIVATE-WORDS-7731";
        mastodon.mention("sam@example.social", "<p>" + marker + "</p>", NOW.minus(Duration.ofHours(2)));
        ObjectNode odd = StandIn.JSON.createObjectNode().put("type", "mention").put("created_at", NOW.toString());
        odd.putObject("status").put("id", marker).put("content", marker);
        mastodon.raw(odd);
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            rig(YAML);
            rig.pollOnce();
            mastodon.fail("/api/v1/accounts/" + MastodonStandIn.ACCOUNT_ID + "/statuses", 1,
                    new StandIn.Canned(500, "{\"error\":\"" + marker + "\"}", Map.of(), 0));
            rig.pollOnce();
        } finally {
            System.setErr(old);
        }
        String logged = err.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("answered 500").contains("1 skipped");
        assertThat(logged).doesNotContain(marker).doesNotContain(MastodonStandIn.TOKEN);
    }
}
