package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.TestTeam;
import io.candor.chat.CoachBot;
import io.candor.chat.InMemoryFeedbackBook;
import io.candor.mention.model.MentionState;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TerminalChatTest {
    private static final String YAML = TestTeam.PEOPLE + """
            mentions:
              owners:
                - {platform: x, group: [alice]}
            reminders: {min_age_hours: 0, zone: UTC}
            """;
    private final TestTeam team = TestTeam.create(YAML, Instant.parse("2026-11-23T10:00:00Z"));

    @AfterEach
    void close() {
        team.close();
    }

    private String session(String... lines) throws Exception {
        StringWriter out = new StringWriter();
        try (TerminalChat chat = new TerminalChat(new BufferedReader(new StringReader(String.join("\n", lines))),
                new PrintWriter(out), team.wiring.bot(), team.r, team.clock, "Alice")) {
            chat.run();
        }
        return out.toString();
    }

    @Test
    void aMentionsHistoryShowsLocalTimesToTheMinuteWithTheZoneNeverARawTimestamp() throws Exception {
        String out = session(
                "post @sam https://x.com/sam/status/9 does the app work offline?",
                "/coach snooze 1 4h",
                "history 1",
                "quit");
        // alice is in Europe/Paris: 10:00 UTC is 11:00 there, and the snooze runs to 15:00
        assertThat(out).contains("Mon 23 Nov 11:00 Europe/Paris  alice: received")
                .contains("alice: snoozed (until Mon 23 Nov 15:00 Europe/Paris)");
        assertThat(out.substring(out.indexOf("#mentions ←"))).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
    }

    @Test
    void aNewUserCanTryTheWholeLoop() throws Exception {
        String out = session(
                "/coach Check out my channel! https://example.com",
                "post @sam https://x.com/sam/status/9 does the app work offline?",
                "reply 1 Try our Pro plan, 50% off today! DM me",
                "remind",
                "react 1",
                "mentions",
                "quit");
        assertThat(out).startsWith("Candor terminal chat").contains("post <text>");
        assertThat(out).contains("(pitch.self-promo)");
        assertThat(out).contains("mention #1 from @sam on x, assigned to alice");
        assertThat(out).contains("(pitch.unasked-offer)");
        assertThat(out).contains("── DM to alice ──").contains("“@sam https://x.com/sam/status/9 does the app work offline?”");
        assertThat(out).contains("Marked #1 answered");
        assertThat(out).contains("Nothing waiting for you");
        assertThat(team.m.store().find(1).orElseThrow().state()).isEqualTo(MentionState.ANSWERED);
        assertThat(out).doesNotContain("(0 past").doesNotContain("…and 0 more");
    }

    @Test
    void postedRemembersTheLastReviewedDraftAsPublished() throws Exception {
        var cfg = io.candor.config.CandorConfig.defaults();
        try (var history = io.candor.history.History.open("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                cfg.section("history", io.candor.history.HistorySettings.class), team.clock)) {
            var reviewer = new io.candor.history.HistoryReviewer(team.reviewer, history, io.candor.history.HistoryRules.load(cfg),
                    team.clock, true);
            CoachBot bot = CoachBot.builder(reviewer, new InMemoryFeedbackBook(), team.reviewer.prompts(), 40000)
                    .mentions(team.m.tracker()).posts(new io.candor.history.PostedDrafts(history, team.reviewer.prompts())).build();
            String draft = "Our office will be closed on Friday for the team retreat; support replies resume Monday morning.";
            StringWriter out = new StringWriter();
            try (TerminalChat chat = new TerminalChat(new BufferedReader(new StringReader(String.join("\n",
                    "posted", "/coach " + draft, "/coach " + draft, "posted", "as bob", "/coach " + draft, "quit"))),
                    new PrintWriter(out), bot, team.r, team.clock, "Alice")) {
                chat.run();
            }
            String text = out.toString();
            assertThat(text).contains("posted                   you published the draft you last reviewed");
            assertThat(text).contains("Review a draft first");
            assertThat(text).contains("Candor will remember that this went out");
            // Alice reviewing her own draft twice is not a repeat; Bob is told Alice posted it
            assertThat(text.substring(0, text.indexOf("Candor will remember"))).doesNotContain("almost the same text");
            assertThat(text).contains("The team posted almost the same text a few minutes ago (alice)");
            assertThat(history.store().orElseThrow().stats().published()).isEqualTo(1);
        }
    }

    @Test
    void unknownThingsAreExplained() throws Exception {
        String out = session("reply 42 hello", "react 1 eyes", "hello there", "/coach assign 1 @dave", "as bob", "quit");
        assertThat(out).contains("There is no mention 42 to reply to");
        assertThat(out).contains("only white_check_mark");
        assertThat(out).contains("Unknown command 'hello'");
        assertThat(out).contains("There is no mention 1.");
        assertThat(out).contains("You are now bob.");
    }
}
