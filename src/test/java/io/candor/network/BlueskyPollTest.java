package io.candor.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionEvent;
import io.candor.mention.model.MentionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Candor reading a Bluesky account (the loopback {@link BlueskyStandIn}) as {@code candor serve}
 * does: sessions made once and refreshed, notifications paged with their cursor, the team's
 * own replies found in its author feed. After every test the stand-in's log shows nothing but
 * the session calls and the two documented reads.
 */
class BlueskyPollTest {
    private static final String YAML = TestTeam.PEOPLE + """
            reminders: {zone: UTC}
            networks: {poll_seconds: 5, timeout_seconds: 2}
            """;
    private static final Instant NOW = NetworkRig.NOW;
    private BlueskyStandIn bluesky;
    private NetworkRig rig;

    @BeforeEach
    void start() throws Exception {
        bluesky = new BlueskyStandIn();
    }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        bluesky.close();
        assertThat(bluesky.requests).allSatisfy(r -> assertThat(r.method() + " " + r.path()).isIn(
                "POST /xrpc/com.atproto.server.createSession", "POST /xrpc/com.atproto.server.refreshSession",
                "GET /xrpc/app.bsky.notification.listNotifications", "GET /xrpc/app.bsky.feed.getAuthorFeed"));
    }

    private NetworkRig rig(String password) {
        rig = new NetworkRig(YAML, Map.of("CANDOR_BLUESKY_URL", bluesky.url(), "CANDOR_BLUESKY_HANDLE",
                "@" + BlueskyStandIn.HANDLE, "CANDOR_BLUESKY_APP_PASSWORD", password));
        return rig;
    }

    private List<StandIn.Request> sessions() {
        return bluesky.to("/xrpc/com.atproto.server.createSession");
    }

    @Test
    void mentionsRepliesAndQuotesGoInWithWholeLinksAndBlockedOrBrokenOnesAreCounted() {
        String sam = bluesky.mentionWithLink("sam.bsky.social", "example.com/docs/offli...",
                "https://example.com/docs/offline-mode", NOW.minus(Duration.ofHours(4)));
        String ourPost = bluesky.teamPost("Version 2.3 is out", NOW.minus(Duration.ofDays(1)), null, false);
        String lee = bluesky.reply("lee.bsky.social", "Love 2.3! 🎉", NOW.minus(Duration.ofHours(3)), ourPost);
        String kim = bluesky.quote("kim.example.com", "The update we waited for", NOW.minus(Duration.ofHours(2)));
        bluesky.like("fan.bsky.social", NOW.minus(Duration.ofHours(2)));
        bluesky.blockedMention("troll.bsky.social", "you again", NOW.minus(Duration.ofMinutes(90)));
        bluesky.authorlessMention("from nowhere", NOW.minus(Duration.ofMinutes(80)));

        PollReport r = rig(BlueskyStandIn.APP_PASSWORD).pollOnce();

        assertThat(r.outcome()).isEqualTo(PollReport.Outcome.POLLED);
        assertThat(r.account()).isEqualTo("@team.bsky.social");
        assertThat(r.created()).isEqualTo(3);
        assertThat(r.skipped()).isEqualTo(new Skipped(1, 0, 1));
        Mention m = rig.bySource("bluesky", sam);
        assertThat(m.sourceId()).startsWith("at://did:plc:");
        assertThat(m.author()).isEqualTo("@sam.bsky.social");
        assertThat(m.text()).isEqualTo("see https://example.com/docs/offline-mode please");
        assertThat(m.url()).isEqualTo("https://bsky.app/profile/sam.bsky.social/post/" + sam.substring(sam.lastIndexOf('/') + 1));
        assertThat(m.receivedAt()).isEqualTo(NOW.minus(Duration.ofHours(4)));
        assertThat(rig.bySource("bluesky", lee).text()).isEqualTo("Love 2.3! 🎉");
        assertThat(rig.bySource("bluesky", kim).author()).isEqualTo("@kim.example.com");
        assertThat(rig.mentions()).hasSize(3);
        assertThat(rig.team.m.tracker().history(m.id())).extracting(MentionEvent::actor).containsExactly("bluesky");
        // read-only all the way: notifications are never marked seen (updateSeen would be a write)
        assertThat(bluesky.to("/xrpc/app.bsky.notification.listNotifications")).allSatisfy(q ->
                assertThat(q.query().get("reasons")).containsExactly("mention", "reply", "quote"));
    }

    @Test
    void notificationsArePagedWithTheCursorAndTheNextReadStopsAtWhatWasReadBefore() {
        for (int i = 0; i < 250; i++) {
            bluesky.mention("fan" + i + ".bsky.social", "question " + i, NOW.minus(Duration.ofHours(50)).plusSeconds(60L * i));
        }
        rig(BlueskyStandIn.APP_PASSWORD);

        assertThat(rig.pollOnce().created()).isEqualTo(250);
        List<StandIn.Request> pages = bluesky.to("/xrpc/app.bsky.notification.listNotifications");
        assertThat(pages).hasSize(3).allSatisfy(q -> assertThat(q.param("limit")).isEqualTo("100"));
        assertThat(pages.get(0).param("cursor")).isNull();
        assertThat(pages.get(1).param("cursor")).isNotNull();

        for (int i = 0; i < 20; i++) {
            bluesky.mention("new" + i + ".bsky.social", "new question " + i, NOW.plusSeconds(i));
        }
        PollReport next = rig.pollOnce();
        assertThat(next.created()).isEqualTo(20);
        assertThat(bluesky.to("/xrpc/app.bsky.notification.listNotifications")).hasSize(4); // one page reached the old ones
        assertThat(rig.mentions()).hasSize(270);
        assertThat(sessions()).hasSize(1); // one session, kept
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndAnExpiredSessionIsMadeAgain() {
        bluesky.mention("sam.bsky.social", "hello", NOW.minus(Duration.ofHours(1)));
        rig(BlueskyStandIn.APP_PASSWORD);
        assertThat(rig.pollOnce().created()).isEqualTo(1);

        bluesky.expireAccessTokens();
        bluesky.mention("ana.bsky.social", "hello again", NOW);
        assertThat(rig.pollOnce().created()).isEqualTo(1);
        assertThat(bluesky.to("/xrpc/com.atproto.server.refreshSession")).hasSize(1);
        assertThat(sessions()).hasSize(1);

        bluesky.expireAccessTokens();
        bluesky.expireRefreshTokens();
        bluesky.mention("bo.bsky.social", "third", NOW.plusSeconds(5));
        PollReport r = rig.pollOnce();
        assertThat(r.outcome()).isEqualTo(PollReport.Outcome.POLLED);
        assertThat(r.created()).isEqualTo(1);
        assertThat(sessions()).hasSize(2); // the refresh token had expired too: signed in again with the app password
        assertThat(rig.mentions()).hasSize(3);
    }

    @Test
    void theTeamsReplyClosesTheMentionEvenWhenThePostWasDeletedSinceButARepostOrAStrangerDoesNot() {
        String asked = bluesky.mention("sam.bsky.social", "@team.bsky.social does it sync?", NOW.minus(Duration.ofMinutes(90)));
        String deleted = bluesky.mention("ana.bsky.social", "@team.bsky.social is it free?", NOW.minus(Duration.ofMinutes(80)));
        String reposted = bluesky.mention("kim.bsky.social", "@team.bsky.social Android?", NOW.minus(Duration.ofMinutes(70)));
        String stranger = bluesky.reply("bo.bsky.social", "it syncs for me", NOW.minus(Duration.ofMinutes(60)), asked);
        Instant answeredAt = NOW.minus(Duration.ofMinutes(30));
        bluesky.teamPost("Yes, every board syncs across your devices within a few seconds.", answeredAt, asked, false);
        bluesky.teamPost("It is free for teams up to five people.", NOW.minus(Duration.ofMinutes(20)), deleted, true);
        bluesky.teamRepost("fan.bsky.social", "Yes there is an Android app", NOW.minus(Duration.ofMinutes(10)), reposted);

        PollReport r = rig(BlueskyStandIn.APP_PASSWORD).pollOnce();

        assertThat(r.answered()).isEqualTo(2);
        Mention closed = rig.bySource("bluesky", asked);
        assertThat(closed.state()).isEqualTo(MentionState.ANSWERED);
        assertThat(rig.team.m.tracker().history(closed.id())).filteredOn(e -> e.action().equals("answered"))
                .singleElement().extracting(MentionEvent::at).isEqualTo(answeredAt);
        assertThat(rig.state("bluesky", deleted)).isEqualTo(MentionState.ANSWERED);
        assertThat(rig.state("bluesky", reposted)).isEqualTo(MentionState.OPEN);
        assertThat(rig.state("bluesky", stranger)).isEqualTo(MentionState.OPEN);
        assertThat(rig.kept).extracting(OwnReply::text).containsExactlyInAnyOrder(
                "Yes, every board syncs across your devices within a few seconds.", "It is free for teams up to five people.");
        assertThat(bluesky.to("/xrpc/app.bsky.feed.getAuthorFeed")).allSatisfy(q -> {
            assertThat(q.param("actor")).isEqualTo(BlueskyStandIn.DID);
            assertThat(q.param("filter")).isEqualTo("posts_with_replies");
        });
    }

    @Test
    void aWrongAppPasswordIsNamedAndNothingIsRead() {
        bluesky.mention("sam.bsky.social", "hello", NOW.minus(Duration.ofHours(1)));
        PollReport r = rig("not-the-password").pollOnce();
        assertThat(r.outcome()).isEqualTo(PollReport.Outcome.REFUSED);
        assertThat(rig.poller.problem(rig.poller.connectors().get(0)))
                .contains("@team.bsky.social: the handle or app password was refused (401)");
        assertThat(bluesky.requests).extracting(StandIn.Request::path).containsOnly("/xrpc/com.atproto.server.createSession");
        assertThat(rig.mentions()).isEmpty();
    }

    @Test
    void aRateLimitIsWaitedOutUntilTheResetTheHeadersGive() {
        bluesky.mention("sam.bsky.social", "hello", NOW.minus(Duration.ofHours(1)));
        Instant reset = NOW.plus(Duration.ofMinutes(3));
        bluesky.fail("/xrpc/app.bsky.notification.listNotifications", 1, new StandIn.Canned(429,
                "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}", Map.of("RateLimit-Limit", "3000",
                "RateLimit-Remaining", "0", "RateLimit-Reset", Long.toString(reset.getEpochSecond()),
                "RateLimit-Policy", "3000;w=300"), 0));
        PollReport r = rig(BlueskyStandIn.APP_PASSWORD).pollOnce();
        assertThat(r.outcome()).isEqualTo(PollReport.Outcome.RATE_LIMITED);
        assertThat(r.retryAt()).isEqualTo(reset);
        rig.team.clock.set(reset.plusSeconds(1));
        assertThat(rig.pollOnce().created()).isEqualTo(1);
    }

    @Test
    void aPdsThatFailsIsBackedOffFrom() {
        bluesky.mention("sam.bsky.social", "hello", NOW.minus(Duration.ofHours(1)));
        bluesky.fail("/xrpc/app.bsky.feed.getAuthorFeed", 1, StandIn.Canned.status(502));
        PollReport r = rig(BlueskyStandIn.APP_PASSWORD).pollOnce();
        assertThat(r.outcome()).isEqualTo(PollReport.Outcome.UNAVAILABLE);
        assertThat(r.created()).isEqualTo(1); // what was read before the failure is in
        assertThat(r.retryAt()).isEqualTo(NOW.plusSeconds(10));
        PollReport again = rig.pollOnce();
        assertThat(again.outcome()).isEqualTo(PollReport.Outcome.POLLED);
        assertThat(again.created()).isZero();
    }
}
