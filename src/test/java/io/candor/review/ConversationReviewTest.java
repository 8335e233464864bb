package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reply judged by the conversation it answers (issue 20): what was asked decides, service
 * is not selling, stock phrases that pick up nothing are canned, and no strength is offered
 * that the findings contradict. Each case is one a user met, with the verdict it must get.
 */
class ConversationReviewTest {
    private static final Reviewer REVIEWER = Reviewer.withDefaults();

    private static Review review(String reply, String message) {
        return REVIEWER.review(Draft.of(reply).withReplyTo(message));
    }

    private static List<String> rules(Review r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void namingYourChannelAnswersWhereToWatch() {
        Review r = review("Yes! All talks will be on our YouTube channel by Friday: youtube.com/@acmeconf",
                "Is the conference recorded?");
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
        assertThat(r.has(Category.PITCH)).isFalse();
    }

    @Test
    void yourOwnHandleAnswersDoYouHaveAnInstagramAndIsNotThePersonAddressed() {
        Review r = review("Yes, follow us on Instagram at @acme.bakery", "Do you have an Instagram?");
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
        assertThat(r.strengths()).extracting(Strength::message).noneMatch(m -> m.contains("@acme.bakery"));
    }

    @Test
    void theSamePlugUnaskedIsStillAPitch() {
        Review r = review("Follow us on Instagram at @acme.bakery for daily specials!", "Loved the sourdough today");
        assertThat(r.verdict()).isEqualTo(Verdict.RETHINK);
        assertThat(rules(r)).contains("pitch.self-promo");
    }

    @Test
    void sellingStaysSellingWhenTheyAskedOnlyWhereToWatch() {
        Review r = review("On our channel: youtube.com/@acmeconf. Also our merch is 40% off this week, order now!",
                "Where can I watch the talks?");
        assertThat(r.has(Category.PITCH)).isTrue();
    }

    @Test
    void theDmDeepLinkInASupportReplyIsService() {
        Review r = review("@sam So sorry! Let's sort this out in DMs: https://twitter.com/messages/compose?recipient_id=1234",
                "@acme I was charged twice for my subscription this month");
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void clickHereToMessageUsIsNotBait() {
        Review r = review("@sam We'd like to take a closer look. Click here to message us: https://m.me/acmesupport",
                "@acme my order says delivered but nothing arrived");
        assertThat(r.has(Category.PITCH)).isFalse();
    }

    @Test
    void sendingSomeoneToHelpInTheirLanguageIsNotSelling() {
        Review r = review("@sam We support English here; for help in your language go to https://acme.example/intl-help",
                "@acme la aplicación no abre desde ayer, ¿qué hago?");
        assertThat(r.has(Category.PITCH)).isFalse();
    }

    @Test
    void aHelpLinkAndTheDmLinkAreNotBareLinks() {
        Review r = review("@sam Have you updated to the latest version? https://help.acme.example/articles/update "
                        + "then DM us https://twitter.com/messages/compose?recipient_id=1234",
                "@acme the app keeps crashing on my phone");
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void aStockApologyToASpecificComplaintIsCanned() {
        Review r = review("We apologize for any inconvenience. Please contact support@acme.com and our team will get back "
                + "to you. Thank you for your patience!", "your app deleted my notes AGAIN, this is the third time!!!");
        assertThat(r.verdict()).isEqualTo(Verdict.ANOTHER_LOOK);
        Finding f = r.findings().stream().filter(x -> x.rule().equals("context.canned-reply")).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("“We apologize for any inconvenience”", "your app deleted my notes");
    }

    @Test
    void sorryPleaseDmUsIsCanned() {
        Review r = review("Sorry to hear that! Please DM us.", "your app deleted my notes AGAIN, this is the third time!!!");
        assertThat(r.verdict()).isEqualTo(Verdict.ANOTHER_LOOK);
        assertThat(rules(r)).contains("context.canned-reply");
    }

    @Test
    void aPersonalReplyWithAConcreteNextStepIsFine() {
        Review r = review("Sorry to hear that! DM us the email on your account and we'll restore them today.",
                "your app deleted my notes AGAIN, this is the third time!!!");
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void aFakeTestimonialIsNotPraisedForItsThanks() {
        Review r = REVIEWER.review(Draft.of("Thanks so much for the trading signals Grace, I made $6,200 this month, "
                + "message her @grace.fx").withKind(DraftKind.COMMENT));
        assertThat(r.verdict()).isEqualTo(Verdict.RETHINK);
        assertThat(r.strengths()).isEmpty();
    }
}
