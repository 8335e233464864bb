package io.candor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.candor.chat.Reply;
import io.candor.review.Category;
import io.candor.review.Draft;
import io.candor.review.Finding;
import io.candor.review.Review;
import io.candor.review.Reviewer;
import io.candor.review.Severity;
import io.candor.review.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SlackBlocksTest {
    final Reviewer reviewer = Reviewer.withDefaults();
    final SlackBlocks blocks = new SlackBlocks(reviewer.prompts());

    private static String text(List<LayoutBlock> bs) {
        List<String> out = new ArrayList<>();
        for (LayoutBlock b : bs) {
            if (b instanceof SectionBlock s) {
                out.add(s.getText().getText());
            } else if (b instanceof ContextBlock c) {
                c.getElements().forEach(e -> out.add(((MarkdownTextObject) e).getText()));
            }
        }
        return String.join("\n", out);
    }

    private static List<Integer> sectionLengths(List<LayoutBlock> bs) {
        return bs.stream().filter(b -> b instanceof SectionBlock).map(b -> ((SectionBlock) b).getText().getText().length())
                .toList();
    }

    @Test
    void aReviewWithSixtyFindingsIsCutToFiftyBlocksAndSaysHowManyAreHidden() {
        String draft = "word ".repeat(400);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Category c = Category.values()[i % Category.values().length];
            findings.add(new Finding(c.id() + ".rule-" + i, c, Severity.WARNING, i * 5, i * 5 + 4,
                    "Noticed “word” number " + i, "What about number " + i + "?"));
        }
        Review r = new Review(Draft.of(draft), Verdict.ANOTHER_LOOK, reviewer.verdictText(Verdict.ANOTHER_LOOK),
                List.of(), findings, List.of());

        SlackMessage m = blocks.render(new Reply.ReviewResult(r));

        assertThat(m.blocks()).hasSizeLessThanOrEqualTo(SlackBlocks.MAX_BLOCKS);
        long shown = m.blocks().stream().filter(b -> b instanceof ActionsBlock).count();
        assertThat(shown).isGreaterThan(15);
        assertThat(text(m.blocks())).contains((60 - shown) + " more findings are not shown here");
        assertThat(text(m.blocks())).contains("Candor only coaches");
    }

    @Test
    void hugeMessagesAreCutToSlacksSectionLimitWithANote() {
        String draft = "x".repeat(40_000);
        Finding f = new Finding("platform.too-long", Category.PLATFORM, Severity.PROBLEM, 0, draft.length(),
                "This is too long: " + "<&>".repeat(2000), "Which part matters most?");
        Review r = new Review(Draft.of(draft), Verdict.RETHINK, reviewer.verdictText(Verdict.RETHINK), List.of(),
                List.of(f), List.of());

        SlackMessage m = blocks.render(new Reply.ReviewResult(r));

        assertThat(sectionLengths(m.blocks())).allMatch(n -> n <= SlackBlocks.MAX_SECTION);
        String all = text(m.blocks());
        assertThat(all).contains("shortened to fit Slack's limits");
        // the quote is a short excerpt of the draft, not 40000 characters
        assertThat(all).contains("> " + "x".repeat(SlackBlocks.MAX_QUOTE) + "…");
        // no broken escape at the cut
        assertThat(all).doesNotContainPattern("&(?!amp;|lt;|gt;)");
    }

    @Test
    void quotesComeFromTheFindingsSpanAndAreEscaped() {
        String draft = "Our <b>best</b> deal & more";
        Finding f = new Finding("claims.superlative", Category.CLAIMS, Severity.WARNING, 4, 15, "“best”", "Says who?");
        Review r = new Review(Draft.of(draft), Verdict.ANOTHER_LOOK, "v", List.of(), List.of(f), List.of());

        String all = text(blocks.render(new Reply.ReviewResult(r)).blocks());

        assertThat(SlackBlocks.quoted(draft, f)).isEqualTo("<b>best</b>");
        assertThat(all).contains("> &lt;b&gt;best&lt;/b&gt;", "_Says who?_", "*Claims*");
    }

    @Test
    void longPlainTextIsSplitIntoSectionsNeverOverTheLimit() {
        String help = "line\n".repeat(2000);
        SlackMessage m = blocks.render(Reply.text(help));
        assertThat(sectionLengths(m.blocks())).allMatch(n -> n <= SlackBlocks.MAX_SECTION);
        assertThat(m.blocks().stream().filter(b -> b instanceof SectionBlock)
                .map(b -> ((SectionBlock) b).getText().getText()).collect(Collectors.joining())).isEqualTo(help);
        assertThat(m.text().length()).isLessThanOrEqualTo(SlackBlocks.MAX_FALLBACK);
    }

    @Test
    void aLongMentionListKeepsItsButtonsAndCountsTheRest() {
        List<Reply.MentionLine> lines = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add(new Reply.MentionLine(Integer.toString(i), "X", "@p" + i, "question " + i, "", i + "h", false));
        }
        SlackMessage m = blocks.render(new Reply.Mentions("Your mentions", lines, ""));
        assertThat(m.blocks()).hasSizeLessThanOrEqualTo(SlackBlocks.MAX_BLOCKS);
        long shown = m.blocks().stream().filter(b -> b instanceof ActionsBlock).count();
        assertThat(text(m.blocks())).contains((40 - shown) + " more are not shown here");
        assertThat(m.text()).isEqualTo("Your mentions");
    }
}
