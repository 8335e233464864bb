package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.TestTeam;
import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import io.candor.identity.SurfaceKind;
import io.candor.mention.model.MentionState;
import io.candor.remind.TestClock;
import io.candor.review.Draft;
import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.store.Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two {@code candor serve} instances (in this JVM, each with its own pool, scheduler, HTTP
 * server and history index) on one real PostgreSQL, as behind a load balancer.
 */
class TwoInstancesTest {
    private static final String YAML = TestTeam.PEOPLE + """
            reminders:
              time: "09:30"
              zone: UTC
              summary: {surface: slack, team: T1, channel: C-TEAM}
            storage: {refresh_every_ms: 100}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChatUser ALICE = ChatUser.of(SurfaceKind.SLACK, "T1", "UALICE", "alice");
    private static final ChatUser BOB = ChatUser.of(SurfaceKind.SLACK, "T1", "UBOB", "bob");

    /** Monday 06:00 UTC: nobody's morning yet (alice is in Paris, bob in New York, carol in Tokyo). */
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-23T06:00:00Z"));
    private static InstanceRig a;
    private static InstanceRig b;

    @BeforeAll
    static void start() throws Exception {
        String db = Backend.POSTGRES.freshUrl();
        a = new InstanceRig(YAML, db, CLOCK, "instance-a");
        b = new InstanceRig(YAML, db, CLOCK, "instance-b");
        assertThat(a.instance.awaitReady(Duration.ofSeconds(10))).isTrue();
        assertThat(b.instance.awaitReady(Duration.ofSeconds(10))).isTrue();
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    @Test
    void pastTheReminderTimeEachPersonGetsExactlyOneDmFromOneInstanceOrTheOther() throws Exception {
        // mentions from last week, through either instance's webhook
        assertThat(a.post("/api/mentions", mention("r-1", "alice", "2026-11-19T10:00:00Z")).statusCode()).isEqualTo(201);
        assertThat(b.post("/api/mentions", mention("r-2", "bob", "2026-11-19T11:00:00Z")).statusCode()).isEqualTo(201);
        assertThat(a.post("/api/mentions", mention("r-3", "carol", "2026-11-19T12:00:00Z")).statusCode()).isEqualTo(201);

        CLOCK.set(Instant.parse("2026-11-23T15:00:00Z")); // 16:00 in Paris, 10:00 in New York, past midnight in Tokyo
        // both instances' schedulers are told to check now, three times over, at the same moment
        for (int round = 0; round < 3; round++) {
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> a.instance.scheduler().checkNow()),
                    CompletableFuture.runAsync(() -> b.instance.scheduler().checkNow())).get();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> dmsTo().size() >= 2 && posts() >= 1);
        Thread.sleep(1000); // a second send would come from the other instance's pending run: give it time to show
        assertThat(dmsTo()).containsExactlyInAnyOrder("UALICE", "UBOB");
        assertThat(posts()).isEqualTo(1);
        // and a catch-up on either instance (a restart at 16:00) sends nothing again
        assertThat(a.instance.reminders().runDue(CLOCK.instant())).isEmpty();
        assertThat(b.instance.reminders().runDue(CLOCK.instant())).isEmpty();
    }

    @Test
    void aMentionPostedToOneInstanceIsListedAssignedAndClosedThroughTheOther() throws Exception {
        var created = JSON.readTree(a.post("/api/mentions", mention("m-1", null, "2026-11-20T10:00:00Z")).body());
        long id = created.get("id").asLong();

        assertThat(text(b.instance.bot().command(ALICE, "assign " + id + " @alice"))).contains("#" + id);
        Reply listed = b.instance.bot().command(ALICE, "mentions");
        assertThat(listed).isInstanceOfSatisfying(Reply.Mentions.class,
                m -> assertThat(m.lines()).extracting(Reply.MentionLine::id).contains(Long.toString(id)));

        b.instance.bot().command(ALICE, "done " + id);
        assertThat(a.instance.mentions().store().find(id)).get().extracting(m -> m.state())
                .isEqualTo(MentionState.ANSWERED);
        Reply afterwards = a.instance.bot().command(ALICE, "mentions");
        if (afterwards instanceof Reply.Mentions m) {
            assertThat(m.lines()).extracting(Reply.MentionLine::id).doesNotContain(Long.toString(id));
        }
    }

    @Test
    void aPostRememberedThroughOneInstanceIsFoundAsACopyThroughTheOther() {
        String post = "Big news! Our spring collection is live: forty new pieces, all made in Portugal, ready to ship this week.";
        int before = b.instance.history().indexed();
        Review first = review(a, ALICE, post);
        assertThat(first.findings()).extracting(Finding::rule).noneMatch(r -> r.startsWith("broadcast.repeat"));

        await().atMost(Duration.ofSeconds(5)).until(() -> b.instance.history().indexed() > before);
        Review copy = review(b, BOB, "Reposting: big news! Our spring collection is live: forty new pieces, all made in"
                + " Portugal, ready to ship this week. #spring");
        assertThat(copy.findings()).extracting(Finding::rule).contains("broadcast.repeat");
        // both reviews were counted in the shared database: either instance's /coach stats sees them
        assertThat(b.instance.bot().command(BOB, "stats")).isInstanceOfSatisfying(Reply.Figures.class,
                f -> assertThat(f.text()).contains("team: 2 "));
    }

    private static Review review(InstanceRig rig, ChatUser who, String text) {
        Reply r = rig.instance.bot().review(who, Draft.of(text));
        return ((Reply.ReviewResult) r).review();
    }

    private static String text(Reply r) {
        return r instanceof Reply.Text t ? t.text() : r.toString();
    }

    private static List<String> dmsTo() {
        List<String> all = new ArrayList<>(a.slack.chat.directRecipients());
        all.addAll(b.slack.chat.directRecipients());
        return all;
    }

    private static int posts() {
        return a.slack.chat.posts.size() + b.slack.chat.posts.size();
    }

    private static String mention(String id, String assignee, String at) {
        return "{\"id\":\"" + id + "\",\"platform\":\"x\",\"author\":\"@fan\",\"text\":\"Is there a size guide for the new collection?\","
                + "\"received_at\":\"" + at + "\"" + (assignee == null ? "" : ",\"assignee\":\"" + assignee + "\"") + "}";
    }
}
