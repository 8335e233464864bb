package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.config.CandorConfig;
import io.candor.platform.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 22, point 5: findings that said one thing three times, or spoke where they should not. */
class FindingsThatRepeatOrMisfireTest {
    private static final Reviewer REVIEWER = new Reviewer(CandorConfig.load(null));

    private static List<Finding> of(Review r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void engagementBaitIsOneFindingQuotingEachPhrase() {
        Review r = REVIEWER.review(Draft.of("Like if you agree, share if you care. Tag a friend who needs this!"));
        List<Finding> bait = of(r, "pitch.engagement-bait");
        assertThat(bait).hasSize(1);
        assertThat(bait.get(0).message()).startsWith("“Like if you” (and “share if you”, “Tag a friend who”) ask for likes");
    }

    @Test
    void aRankIsNotAHashtag() {
        Review r = REVIEWER.review(Draft.of("Voted #1 bakery by Lisbon Eats readers! #coffee #lisbon").withPlatforms(List.of(Platform.TWITTER)));
        assertThat(of(r, "platform.hashtags")).isEmpty();
        Review three = REVIEWER.review(Draft.of("Voted #1 by Lisbon Eats readers! #coffee #lisbon #bakery").withPlatforms(List.of(Platform.TWITTER)));
        assertThat(of(three, "platform.hashtags")).singleElement().satisfies(f -> assertThat(f.message()).startsWith("3 hashtags for X"));
    }

    @Test
    void unsourcedRankingsAndBestOnTheMarketAreClaims() {
        Review r = REVIEWER.review(Draft.of("Acme is the #1 CRM for small teams, with the best export features on the market."));
        assertThat(of(r, "claims.superlative")).extracting(f -> r.draft().text().substring(f.start(), f.end()))
                .containsExactly("#1 CRM", "the best export features on the market");
    }

    @Test
    void aJobPostIsNotSelfPromotionAndAWeAnnouncementDoesNotTalkAtPeople() {
        Review r = REVIEWER.review(Draft.of("We're hiring! Join our team as a senior backend engineer in Lisbon: Java, Postgres "
                + "and kind people. Apply at https://acme.example/jobs/42"));
        assertThat(of(r, "pitch.self-promo")).isEmpty();
        assertThat(of(r, "context.talks-at")).isEmpty();
        Review us = REVIEWER.review(Draft.of("We are proud to announce that our team has shipped our biggest release ever, and we worked hard on it."));
        assertThat(of(us, "context.talks-at")).hasSize(1);
    }

    @Test
    void theLastPartOfAThreadLinksWithTheThreadAsItsContext() {
        String thread = "1/ We rebuilt our search from scratch this quarter: it answers in 40 ms now.\n\n"
                + "2/ The hard part was typo tolerance without false matches, and we measured it on real queries.\n\n"
                + "3/ Full write-up: https://example.com/blog/search";
        Review r = REVIEWER.review(Draft.of(thread).withPlatforms(List.of(Platform.TWITTER)));
        assertThat(of(r, "context.bare-link")).isEmpty();
        Review bare = REVIEWER.review(Draft.of("1/ Big news today.\n\n2/ https://example.com/post/123"));
        assertThat(of(bare, "context.bare-link")).singleElement().satisfies(f -> assertThat(f.message()).startsWith("Part 2/2:"));
    }
}
