package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.platform.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewerTest {
    private static final Reviewer REVIEWER = Reviewer.withDefaults();

    @Test
    void theIssueExampleIsAPitchThatIgnoresTheQuestion() {
        Draft d = Draft.of("Try our Pro plan, 50% off today! DM me").withReplyTo("Does the app work offline?");
        Review r = REVIEWER.review(d);
        assertThat(r.verdict()).isEqualTo(Verdict.RETHINK);
        assertThat(r.findings()).extracting(Finding::rule).contains("pitch.unasked-offer");
        Finding offer = r.findings().stream().filter(f -> f.rule().equals("pitch.unasked-offer")).findFirst().orElseThrow();
        assertThat(d.text().substring(offer.start(), offer.end())).isEqualTo("Try our Pro plan");
        assertThat(offer.message()).contains("“Try our Pro plan”");
        assertThat(offer.question()).isEqualTo("What did they actually ask?");
    }

    @Test
    void aReplyThatSharesOneKeywordAndSellsIsNamedForIt() {
        Draft d = Draft.of("Speaking of coffee, our beans are 20% off this week, order now!")
                .withReplyTo("Just spilled coffee all over my keyboard, great start to Monday");
        Review r = REVIEWER.review(d);
        Finding offer = r.findings().stream().filter(f -> f.rule().equals("pitch.unasked-offer")).findFirst().orElseThrow();
        assertThat(offer.message()).contains("matches only the word “coffee”");
        // one finding about "20% off", not two
        assertThat(r.findings()).filteredOn(f -> d.text().substring(f.start(), f.end()).equals("20% off")).hasSize(1);
    }

    @Test
    void aGoodReplyIsReadyAndPraised() {
        Draft d = Draft.of("Yes! Everything you saved stays on the phone, and edits sync when you reconnect.")
                .withReplyTo("Does the app work offline?");
        Review r = REVIEWER.review(d);
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
        assertThat(r.findings()).isEmpty();
        assertThat(r.verdictText()).startsWith("Ready");
    }

    @Test
    void theSameDraftForSeveralPlatformsIsWorthAnotherLook() {
        Draft d = Draft.of("Big news! Our spring collection is live in every store today.")
                .withPlatforms(List.of(Platform.LINKEDIN, Platform.TWITTER));
        Review r = REVIEWER.review(d);
        assertThat(r.verdict()).isEqualTo(Verdict.ANOTHER_LOOK);
        Finding f = r.findings().stream().filter(x -> x.rule().equals("broadcast.same-text-everywhere")).findFirst().orElseThrow();
        assertThat(f.message()).contains("LinkedIn, X");
    }

    @Test
    void mutedRulesAreLeftOut() {
        Draft d = Draft.of("Subscribe to my channel");
        assertThat(REVIEWER.review(d).findings()).extracting(Finding::rule).contains("pitch.self-promo");
        assertThat(REVIEWER.review(d, Set.of("pitch.self-promo")).findings()).extracting(Finding::rule)
                .doesNotContain("pitch.self-promo");
    }

    @Test
    void aTeamCanSwitchARuleOffChangeASeverityAndAcceptItsBrandNames(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("config"));
        Path cfg = dir.resolve("candor.yaml");
        Files.writeString(cfg, """
                review:
                  accepted_words: ["Subscribe Pro"]
                  rules:
                    broadcast.same-text-everywhere: {enabled: false}
                    claims.guarantee: {severity: hint}
                """);
        Reviewer team = new Reviewer(CandorConfig.load(cfg));
        Review r = team.review(Draft.of("Subscribe Pro now syncs offline. Guaranteed results in 30 days.")
                .withPlatforms(List.of(Platform.LINKEDIN, Platform.TWITTER)));
        assertThat(r.findings()).extracting(Finding::rule).doesNotContain("broadcast.same-text-everywhere", "pitch.self-promo");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("claims.guarantee"))
                .extracting(Finding::severity).containsOnly(Severity.HINT);
        // without the team's settings, the product name reads as a pitch
        assertThat(REVIEWER.review(Draft.of("Subscribe Pro now syncs offline.")).findings())
                .extracting(Finding::rule).contains("pitch.self-promo");
    }

    @Test
    void aTeamRuleFolderOverridesTheShippedRules(@TempDir Path root) throws Exception {
        Path dir = root.resolve("config");
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("candor.yaml"), "review: {}\n");
        Files.writeString(dir.resolve("rules").resolve("claims.yaml"), """
                rules:
                  - id: claims.miracle
                    detector: phrases
                    severity: problem
                    phrases: [miracle cure]
                    examples: {trigger: ["a miracle cure"], pass: ["a cure"]}
                """);
        Files.createDirectories(root.resolve("prompts"));
        Files.writeString(root.resolve("prompts/findings.yaml"), """
                claims.miracle:
                  message: "“{{quote}}” promises a miracle."
                  question: "What does it really do?"
                """);
        Reviewer team = new Reviewer(CandorConfig.load(dir.resolve("candor.yaml")));
        Review r = team.review(Draft.of("Our tea is a miracle cure. Subscribe to my channel"));
        assertThat(r.findings()).extracting(Finding::message).contains("“miracle cure” promises a miracle.");
        // rules and prompts the team did not copy still come from the jar
        assertThat(r.findings()).extracting(Finding::rule).contains("pitch.self-promo");
        assertThat(r.findings()).extracting(Finding::rule).doesNotContain("claims.guarantee");
    }

    @Test
    void anUnknownRuleInSettingsIsAClearError(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("candor.yaml");
        Files.writeString(cfg, "review:\n  rules:\n    pitch.nope: {enabled: false}\n");
        assertThatThrownBy(() -> new Reviewer(CandorConfig.load(cfg)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pitch.nope");
    }
}
