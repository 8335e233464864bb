package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pitches dropped into someone else's comments (issue 21): a support number, praise with a
 * plug, a share button's line, a token push, an escort ad. Each is called what it is under
 * someone else's post; the same words answering what was asked, or on the writer's own feed,
 * are judged as that. Examples written here, each with the verdict a user must get.
 */
class CommentPitchTest {
    private static final Reviewer REVIEWER = Reviewer.withDefaults();

    private static Review comment(String text) {
        return REVIEWER.review(Draft.of(text).withKind(DraftKind.COMMENT));
    }

    private static Review reply(String text, String message) {
        return REVIEWER.review(Draft.of(text).withReplyTo(message));
    }

    private static List<String> rules(Review r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void aSupportNumberDroppedUnderSomeoneElsesPostIsAProblem() {
        Review r = comment("Facing login issues? Call the Acme Mail customer care number +1 (888) 555-0142, open 24/7");
        assertThat(r.verdict()).isEqualTo(Verdict.RETHINK);
        assertThat(rules(r)).contains("pitch.contact-drop");
    }

    @Test
    void aStrangersSupportNumberInAnswerToAProblemIsStillADrop() {
        Review r = reply("Anybody facing this issue can dial the printer helpline 1-800-555-0199, they fixed mine",
                "My printer keeps saying offline, anyone else?");
        assertThat(rules(r)).contains("pitch.contact-drop");
    }

    @Test
    void aHelpPageThatAnswersTheThreadsQuestionIsNotAPitch() {
        Review r = reply("The official help page walks through it step by step: https://support.example.com/articles/export-contacts",
                "How do I export my contacts from the old app?");
        assertThat(r.has(Category.PITCH)).isFalse();
    }

    @Test
    void theNumberTheyAskedForIsTheAnswer() {
        Review r = reply("The customer service number is 0800 555 0101, it's on the back of your card too",
                "What's the customer service number for the bank?");
        assertThat(r.has(Category.PITCH)).isFalse();
    }

    @Test
    void praiseThatFitsAnyPageFollowedByACompanyIsAPlug() {
        Review r = comment("Great article! More info: Brightside Roofing Ltd");
        assertThat(r.verdict()).isEqualTo(Verdict.RETHINK);
        assertThat(rules(r)).contains("pitch.praise-plug");
    }

    @Test
    void praiseThatSaysWhatWasGoodIsNot() {
        Review r = comment("Great article, the part about cache invalidation saved me a day of debugging.");
        assertThat(r.has(Category.PITCH)).isFalse();
    }

    @Test
    void aShareButtonsLineInSomeoneElsesCommentsIsALinkDropNotOnlyATemplate() {
        Review r = comment("Check out this video on YouTube: https://www.youtube.com/watch?v=abc123");
        assertThat(r.has(Category.PITCH)).isTrue();
        Review own = REVIEWER.review(Draft.of("Check out this video on YouTube: https://www.youtube.com/watch?v=abc123"));
        assertThat(rules(own)).contains("broadcast.share-template").doesNotContain("pitch.share-drop");
    }

    @Test
    void askingForLikesOnYourOwnCoverIsSelfPromotion() {
        assertThat(comment("Check out my cover of Hallelujah, likes and comments appreciated!").verdict())
                .isEqualTo(Verdict.RETHINK);
        assertThat(comment("Please like and share my page, it would help a lot").has(Category.PITCH)).isTrue();
    }

    @Test
    void tokenPushesAndWalletRequestsAreAProblemAWarningAboutThemIsNot() {
        Review push = comment("Airdrop alert! Connect your wallet at claim-tokens.example.xyz before it ends");
        assertThat(push.verdict()).isEqualTo(Verdict.RETHINK);
        assertThat(rules(push)).contains("pitch.airdrop");
        assertThat(comment("Free airdrop: retweet, follow and drop your wallet address below").verdict()).isEqualTo(Verdict.RETHINK);
        assertThat(comment("Airdrops are mostly scams, never connect your wallet to a site you don't know.").has(Category.PITCH))
                .isFalse();
    }

    @Test
    void anEscortAdWithAMessagingAppIsAProblem() {
        Review r = comment("Relaxing body to body massage by young girls, book on telegram t.me/spa_vip_example");
        assertThat(r.verdict()).isEqualTo(Verdict.RETHINK);
        assertThat(rules(r)).contains("pitch.adult-ad");
    }

    @Test
    void aBrandsOwnPostWithItsOwnSupportLineIsAHintAtMost() {
        Review r = REVIEWER.review(Draft.of("Our planner app is out today: it syncs offline and is free for students. "
                + "Questions? Our support line is 0800 555 0101, weekdays 9 to 5."));
        assertThat(r.findings()).filteredOn(f -> f.category() == Category.PITCH)
                .allMatch(f -> f.severity() == Severity.HINT);
    }
}
