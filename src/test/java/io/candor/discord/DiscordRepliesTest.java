package io.candor.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.chat.Feedback;
import io.candor.chat.Reply;
import io.candor.review.Category;
import io.candor.review.Draft;
import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.review.Reviewer;
import io.candor.review.Severity;
import io.candor.review.Strength;
import io.candor.review.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** Discord rejects a whole message when one limit is passed, so every reply is cut to fit, with a note. */
class DiscordRepliesTest {
    private final DiscordReplies replies = new DiscordReplies(Reviewer.withDefaults().prompts());

    @Test
    void anOversizedReviewFitsDiscordsLimitsAndSaysWhatWasLeftOut() {
        String text = "word ".repeat(2000);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            findings.add(new Finding("pitch.rule-" + i, Category.values()[i % 5], Severity.WARNING, i * 5, i * 5 + 400,
                    "m".repeat(1500), "q".repeat(300)));
        }
        List<Strength> strengths = IntStream.range(0, 40).mapToObj(i -> new Strength("s" + i, "good ".repeat(40))).toList();
        Review review = new Review(Draft.of(text), Verdict.ANOTHER_LOOK, "Worth another look before posting.",
                strengths, findings, List.of());

        MessageCreateData data = replies.render(new Reply.ReviewResult(review), "team");
        MessageEmbed embed = data.getEmbeds().get(0);
        assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
        assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(4096).contains("cut to fit Discord");
        assertThat(embed.getFields()).hasSizeBetween(1, 25)
                .allSatisfy(f -> {
                    assertThat(f.getName()).hasSizeLessThanOrEqualTo(256);
                    assertThat(f.getValue()).hasSizeLessThanOrEqualTo(1024);
                });
        int hidden = 40 - embed.getFields().size();
        assertThat(embed.getFooter().getText()).contains(hidden + " more findings are not shown");
        assertThat(data.getComponents()).hasSize(Math.min(5, embed.getFields().size()));
    }

    @Test
    void moreThan25FindingsShow25AndCountTheRest() {
        String text = "word ".repeat(100);
        List<Finding> findings = IntStream.range(0, 40).mapToObj(i -> new Finding("claims.rule-" + i, Category.CLAIMS,
                Severity.HINT, i * 5, i * 5 + 4, "short", "why?")).toList();
        Review review = new Review(Draft.of(text), Verdict.READY, "Ready.", List.of(), findings, List.of());
        MessageCreateData data = replies.render(new Reply.ReviewResult(review), "team");
        MessageEmbed embed = data.getEmbeds().get(0);
        assertThat(embed.getFields()).hasSize(25);
        assertThat(embed.getFooter().getText()).contains("15 more findings are not shown");
        assertThat(data.getComponents()).hasSize(5);
    }

    @Test
    void findingsAreGroupedByCategoryAndQuoteTheirWords() {
        String text = "Guaranteed results! Check out my channel";
        Review review = new Review(Draft.of(text), Verdict.RETHINK, "Rethink before posting.", List.of(), List.of(
                new Finding("pitch.self-promo", Category.PITCH, Severity.PROBLEM, 20, 40, "msg a", "q a"),
                new Finding("claims.guarantee", Category.CLAIMS, Severity.WARNING, 0, 10, "msg b", "q b")), List.of());
        MessageEmbed embed = replies.render(new Reply.ReviewResult(review), "T1").getEmbeds().get(0);
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName)
                .containsExactly("1. Pitch · problem: “Check out my channel”", "2. Claims · warning: “Guaranteed”");
        assertThat(embed.getFields().get(0).getValue()).isEqualTo("msg a\n*q a*");
    }

    @Test
    void longTextIsCutTo2000WithANote() {
        String content = replies.render(Reply.text("x".repeat(5000)), "t").getContent();
        assertThat(content).hasSizeLessThanOrEqualTo(2000).endsWith("shows all of it)");
    }

    @Test
    void aLongMentionListFitsAndKeepsButtonsForTheFirstFive() {
        List<Reply.MentionLine> lines = IntStream.range(0, 100).mapToObj(i -> new Reply.MentionLine(
                Integer.toString(i), "x", "@someone", "a question ".repeat(30), "https://x.example/" + i, "1h", i % 7 == 0)).toList();
        // a reminder carries 100 of 500 waiting: what does not fit and what was not carried are counted together
        MessageCreateData data = replies.render(new Reply.Mentions("500 mentions wait", lines, "footer", 400), "G");
        MessageEmbed embed = data.getEmbeds().get(0);
        int shown = embed.getDescription().split("\\*\\*#", -1).length - 1;
        assertThat(shown).isBetween(5, 99);
        assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(4096)
                .endsWith((500 - shown) + " more mentions are not shown here; `/coach done ID` works for every one of them.");
        assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
        assertThat(data.getComponents()).hasSize(5);
    }

    @Test
    void buttonIdsRoundTripAndStrangersAreIgnored() {
        ButtonId mute = new ButtonId.OnRule(Feedback.MUTE, "123", "claims.guarantee");
        assertThat(ButtonId.decode(mute.encode())).contains(mute);
        ButtonId done = new ButtonId.OnMention(true, "123", "12");
        assertThat(ButtonId.decode(done.encode())).contains(done);
        assertThat(ButtonId.decode("someone-elses-button")).isEmpty();
        assertThat(ButtonId.decode("candor:explode:1:2")).isEmpty();
        assertThat(mute.encode().length()).isLessThanOrEqualTo(100);
    }
}
