package io.candor.mention;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import io.candor.mention.model.Ingested;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionEvent;
import io.candor.mention.model.MentionState;
import io.candor.mention.model.NewMention;
import io.candor.review.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MentionTrackerTest {
    private static final String YAML = TestTeam.PEOPLE + """
            mentions:
              owners:
                - {keyword: refund, group: [carol]}
                - {platform: x, group: [alice, bob]}
            """;
    private final TestTeam team = TestTeam.create(YAML, Instant.parse("2026-11-23T10:00:00Z"));
    private final MentionTracker desk = team.m.tracker();
    private final ChatUser alice = TestTeam.slackUser("UALICE", "Alice");
    private final ChatUser bob = TestTeam.slackUser("UBOB", "Bob");
    private final ChatUser stranger = TestTeam.slackUser("UZED", "Zed");

    @AfterEach
    void close() {
        team.close();
    }

    private NewMention x(String id, String text) {
        return new NewMention("x", id, "@fan", text, "https://x.com/fan/status/" + id, team.clock.instant(), Optional.empty(), null);
    }

    @Test
    void ingestionIsIdempotentOnPlatformAndSourceId() {
        List<Ingested> first = desk.ingest(List.of(x("1", "Does it work offline?")), "test");
        List<Ingested> again = desk.ingest(List.of(x("1", "Does it work offline? (edited)")), "test");
        assertThat(first.get(0).created()).isTrue();
        assertThat(again.get(0).created()).isFalse();
        assertThat(again.get(0).mention().id()).isEqualTo(first.get(0).mention().id());
        assertThat(again.get(0).mention().text()).isEqualTo("Does it work offline?");
        assertThat(team.m.store().count()).isEqualTo(1);
        // same source id on another platform is another mention
        desk.ingest(List.of(new NewMention("bluesky", "1", "@fan", "hi", null, team.clock.instant(), Optional.empty(), null)), "t");
        assertThat(team.m.store().count()).isEqualTo(2);
    }

    @Test
    void ownersComeFromRulesInTurnAndKeywordsWinByOrder() {
        List<Ingested> got = desk.ingest(List.of(x("1", "a"), x("2", "b"), x("3", "c"), x("4", "I want a refund")), "t");
        assertThat(got).extracting(g -> g.mention().assignee().map(PersonRef::key).orElse(null)).containsExactly("alice", "bob", "alice", "carol");
        Ingested other = desk.ingest(List.of(new NewMention("linkedin", "9", "Ann", "nice", null,
                team.clock.instant(), Optional.empty(), null)), "t").get(0);
        assertThat(other.mention().assignee()).isEmpty();
    }

    @Test
    void rotationCarriesOnAfterARestart() {
        desk.ingest(List.of(x("1", "a")), "t");
        TestTeam restarted = TestTeam.onDatabase(YAML, team.clock.instant(), team.db.url());
        Ingested next = restarted.m.tracker().ingest(List.of(x("2", "b")), "t").get(0);
        assertThat(next.mention().assignee().map(PersonRef::key)).hasValue("bob");
    }

    @Test
    void doneDismissAssignSnoozeAndTheirHistory() {
        long id = desk.ingest(List.of(x("1", "hello")), "t").get(0).mention().id();
        assertThat(text(desk.assign(alice, "" + id, "<@UBOB>"))).contains("bob");
        assertThat(text(desk.assign(alice, "" + id, "@nobody"))).contains("nobody").contains("alice, bob, carol");
        assertThat(text(desk.done(alice, "999"))).contains("no mention 999");
        assertThat(text(desk.snooze(bob, "" + id, "soon"))).contains("not a snooze length");
        assertThat(text(desk.snooze(bob, "" + id, "1d"))).contains("Snoozed #" + id).contains("America/New_York");
        assertThat(text(desk.done(bob, "#" + id))).contains("answered");
        assertThat(text(desk.dismiss(bob, "" + id))).contains("already answered");
        Mention m = team.m.store().find(id).orElseThrow();
        assertThat(m.state()).isEqualTo(MentionState.ANSWERED);
        assertThat(m.snoozedUntil()).isEqualTo(team.clock.instant().plus(Duration.ofDays(1)));
        assertThat(desk.history(id)).extracting(MentionEvent::action, MentionEvent::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("received", "t"),
                        org.assertj.core.groups.Tuple.tuple("assigned", "alice"),
                        org.assertj.core.groups.Tuple.tuple("snoozed", "bob"),
                        org.assertj.core.groups.Tuple.tuple("answered", "bob"));
    }

    @Test
    void aMessageInTheMentionsChannelBecomesAMentionAndAThreadReplyIsReviewedAgainstIt() {
        desk.posted(stranger, "C-MENTIONS", "1700.01", "@sam on https://x.com/sam/status/5: does the app work offline?", null);
        Mention m = desk.byMessage(SurfaceKind.SLACK, "C-MENTIONS", "1700.01").orElseThrow();
        assertThat(m.platform()).isEqualTo("x");
        assertThat(m.author()).isEqualTo("@sam");
        assertThat(m.assignee().map(PersonRef::key)).hasValue("alice"); // x rule, first in turn

        Optional<Reply> reply = desk.threadReply(bob, "C-MENTIONS", "1700.01",
                "Check out our Pro plan, 50% off today! DM me for a deal");
        assertThat(reply).get().isInstanceOf(Reply.ReviewResult.class);
        Review r = ((Reply.ReviewResult) reply.get()).review();
        assertThat(r.findings()).extracting(f -> f.category().id()).contains("pitch");
        Mention after = team.m.store().find(m.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(MentionState.IN_PROGRESS);
        assertThat(after.assignee().map(PersonRef::key)).hasValue("bob");

        assertThat(desk.threadReply(bob, "C-MENTIONS", "no-such-message", "hi")).isEmpty();
    }

    @Test
    void theDoneReactionAnswersAndOtherReactionsDoNothing() {
        desk.posted(stranger, "C1", "m1", "someone asked about pricing", null);
        Mention m = desk.byMessage(SurfaceKind.SLACK, "C1", "m1").orElseThrow();
        assertThat(m.platform()).isEqualTo("chat");
        assertThat(m.assignee()).isEmpty();
        assertThat(desk.reacted(alice, "C1", "m1", "eyes")).isEmpty();
        assertThat(desk.reacted(alice, "C1", "m1", ":white_check_mark:")).get().extracting(this::text)
                .asString().contains("answered");
        assertThat(team.m.store().find(m.id()).orElseThrow().state()).isEqualTo(MentionState.ANSWERED);
    }

    @Test
    void mineListsOwnWaitingMentionsOldestFirstAndUnlistedPeopleCanOwnToo() {
        desk.ingest(List.of(new NewMention("x", "old", "@a", "first", null, team.clock.instant().minus(Duration.ofDays(3)),
                Optional.of(PersonRef.named("bob")), null), new NewMention("x", "new", "@b", "second", null, team.clock.instant(), Optional.of(PersonRef.named("bob")), null)), "t");
        Reply r = desk.mine(bob);
        assertThat(r).isInstanceOf(Reply.Mentions.class);
        assertThat(((Reply.Mentions) r).lines()).extracting(Reply.MentionLine::quote).containsExactly("first", "second");
        assertThat(text(desk.mine(alice))).contains("Nothing waiting");

        long id = desk.ingest(List.of(x("z", "zed's")), "t").get(0).mention().id();
        desk.assign(alice, "" + id, "slack:T1:UZED");
        assertThat(((Reply.Mentions) desk.mine(stranger)).lines()).extracting(Reply.MentionLine::id).containsExactly("" + id);
    }

    @Test
    void aLongListCarriesTheOldestFiftyAndCountsEveryOne() {
        List<NewMention> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 57; i++) {
            backlog.add(new NewMention("x", "b" + i, "@fan", "question " + i, null, team.clock.instant().minus(Duration.ofMinutes(100 - i)),
                    Optional.of(PersonRef.named("bob")), null));
        }
        desk.ingest(backlog, "t");
        Reply.Mentions mine = (Reply.Mentions) desk.mine(bob);
        assertThat(mine.heading()).contains("(57)");
        assertThat(mine.lines()).extracting(Reply.MentionLine::quote).hasSize(50).startsWith("question 0")
                .endsWith("question 49");
        assertThat(mine.more()).isEqualTo(7);
        assertThat(io.candor.render.ReplyText.render(mine, team.reviewer.prompts()))
                .contains("…and 7 more not shown here; `/coach done ID` works for every one of them.");
    }

    private String text(Reply r) {
        return ((Reply.Text) r).text();
    }
}
