package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.platform.Platform;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a draft is changes what is said; a thread is reviewed part by part; languages Candor cannot read are said so. */
class DraftKindsAndThreadsTest {
    private static final Reviewer REVIEWER = Reviewer.withDefaults();

    private static Finding only(Review r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void selfPromotionIsAHintOnYourOwnFeedAndAProblemInSomeoneElsesConversation() {
        String text = "Check out my channel for more covers like this";
        Finding post = only(REVIEWER.review(Draft.of(text)), "pitch.self-promo");
        Finding comment = only(REVIEWER.review(Draft.of(text).withKind(DraftKind.COMMENT)), "pitch.self-promo");
        assertThat(post.severity()).isEqualTo(Severity.HINT);
        assertThat(post.message()).doesNotContain("someone else's conversation");
        assertThat(comment.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(comment.message()).contains("dropped into someone else's conversation");
    }

    @Test
    void aKindFollowsFromTheMessageAnsweredWhenNotGiven() {
        assertThat(Draft.of("hi").kind()).isEqualTo(DraftKind.POST);
        assertThat(Draft.of("hi").withReplyTo("hello?").kind()).isEqualTo(DraftKind.REPLY);
        assertThat(Draft.of("hi").withKind(DraftKind.COMMENT).withReplyTo("hello?").kind()).isEqualTo(DraftKind.COMMENT);
        assertThat(Draft.of("hi").withReplyTo("   ").replyTo()).as("an empty reply_to is none").isEmpty();
    }

    @Test
    void aBareLinkIsMissingContextInAPostAndALinkDropInAComment() {
        String link = "https://example.com/post/123";
        assertThat(REVIEWER.review(Draft.of(link)).findings()).extracting(Finding::rule)
                .contains("context.bare-link").doesNotContain("pitch.link-drop");
        assertThat(REVIEWER.review(Draft.of(link).withKind(DraftKind.COMMENT)).findings()).extracting(Finding::rule)
                .contains("pitch.link-drop");
    }

    @Test
    void aNumberedThreadIsReviewedPartByPartNotAsOneLongPost() {
        String part = "We rewrote the sync engine this quarter and learned a lot about conflicts on trains. ";
        String text = "1/ " + part.repeat(4) + "\n\n2/ " + part.repeat(2) + "\n\n3/ Check this out!";
        Review r = REVIEWER.review(new Draft(text, List.of(Platform.TWITTER), Optional.empty(), Writer.fromTool("test", "", "")));
        assertThat(r.findings()).extracting(Finding::rule).contains("platform.too-long", "context.dangling-opener");
        Finding opener = only(r, "context.dangling-opener");
        assertThat(opener.message()).startsWith("Part 3/3:");
        assertThat(text.substring(opener.start(), opener.end())).isEqualTo("Check this out");
        assertThat(r.notes()).anyMatch(n -> n.contains("thread of 3 parts"));
    }

    @Test
    void blankLinesSplitAThreadOnlyWhenAskedTo() {
        String text = "First thought about offline mode.\n\nSecond thought: it syncs later.";
        assertThat(REVIEWER.review(Draft.of(text)).notes()).noneMatch(n -> n.contains("thread"));
        assertThat(REVIEWER.review(Draft.of(text).withThread(true)).notes()).anyMatch(n -> n.contains("thread of 2 parts"));
    }

    @Test
    void repeatedHypeIsOneFindingThatNamesTheRest() {
        Review r = REVIEWER.review(Draft.of("Act now! Limited time offer, only 3 left, today only!!! Shop now at 40% off"));
        List<Finding> hype = r.findings().stream().filter(f -> f.rule().equals("pitch.hype")).toList();
        assertThat(hype).hasSize(1);
        assertThat(hype.get(0).message()).contains("and “");
    }

    @Test
    void aDraftInAnotherLanguageGetsANoteNotACleanBill() {
        Review r = REVIEWER.review(Draft.of("Nuestra nueva tienda ya está abierta, ven a vernos este sábado con tus amigos."));
        assertThat(r.verdictText()).contains("Not checked for wording").contains("Spanish");
        assertThat(r.notes()).anyMatch(n -> n.contains("only links, length, hashtags and copies were checked"));
        assertThat(REVIEWER.review(Draft.of("Our new shop is open, come and see us this Saturday with your friends.")).notes())
                .isEmpty();
    }

    @Test
    void everyLanguageExampleIsRecognised() {
        LanguageGuess g = REVIEWER.languages();
        g.examples().forEach((language, texts) -> texts.forEach(t -> {
            var found = g.foreign(AnalyzedDraft.of(Draft.of(t)));
            if (language.equals(g.understood())) {
                assertThat(found).as(t).isEmpty();
            } else {
                assertThat(found).as(t).contains(language);
            }
        }));
    }
}
