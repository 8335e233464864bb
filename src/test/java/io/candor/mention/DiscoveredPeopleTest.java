package io.candor.mention;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import io.candor.mention.model.NewMention;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** People met on Slack or Discord can be given mentions and reminded without a people: entry. */
class DiscoveredPeopleTest {
    private final TestTeam team = TestTeam.create("people: []\n", Instant.parse("2026-11-23T10:00:00Z"));

    @AfterEach
    void close() {
        team.close();
    }

    private static String text(Reply r) {
        return ((Reply.Text) r).text();
    }

    @Test
    void aMemberTheChatPlatformNamedCanBeAssignedByMentionOrName() {
        MentionTracker desk = team.m.tracker();
        desk.ingest(List.of(new NewMention("x", "1", "@sam", "Does it work offline?", null, team.clock.instant(), Optional.empty(), null)), "t");
        ChatUser asker = new ChatUser(SurfaceKind.SLACK, "T1", "U1", "lee", Optional.of(ZoneId.of("Europe/Lisbon")));
        ChatUser ana = new ChatUser(SurfaceKind.SLACK, "T1", "U777", "ana", Optional.of(ZoneId.of("Europe/Berlin")));
        desk.met(ana);

        assertThat(text(desk.assign(asker, "1", "<@U777>"))).isEqualTo("#1 is now ana's.");
        assertThat(team.m.store().find(1).orElseThrow().assignee().map(PersonRef::key)).hasValue("slack:T1:U777");
        assertThat(team.m.people().zone(PersonRef.parse("slack:T1:U777"))).contains(ZoneId.of("Europe/Berlin"));
        // by the name they go by, as typed in the terminal or a Slack without escaping
        assertThat(text(desk.assign(asker, "1", "@lee"))).isEqualTo("#1 is now lee's.");
        // a member Candor has not met yet is someone on the asker's own workspace
        assertThat(text(desk.assign(asker, "1", "<@U999|kim>"))).isEqualTo("#1 is now kim's.");
        assertThat(team.m.store().find(1).orElseThrow().assignee().map(PersonRef::key)).hasValue("slack:T1:U999");
        assertThat(text(desk.assign(asker, "1", "@nobody-here"))).contains("I do not know '@nobody-here'")
                .contains("ana").contains("lee");
    }
}
