package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.PhraseSet;
import io.candor.review.Rule;
import io.candor.review.RuleSpec;
import io.candor.text.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A link that sends people to the writer's own place to sell or grow: to a channel, a
 * profile, a shop, a referral or a hidden (shortened) address, or with a call to action.
 * In a reply or a comment a promotional destination is enough (someone else was talking), and
 * so is a link dropped with almost no words or pushed with few; in a post it takes a
 * promotional destination plus a push or almost no words (a bare link alone in a post is
 * missing context, not selling: context.bare-link), or a shop, fundraiser, petition or
 * affiliate link with only a short blurb around it (an ad for it, even on your own feed). A news link shared in a
 * discussion is neither, and a link someone asked for is an answer.
 */
final class LinkDropDetector implements Detector {
    record Settings(Integer maxOwnWords, List<String> filler, List<String> pushPatterns,
                    List<String> promoHostPatterns, List<String> shopHostPatterns, List<String> askedPatterns) {
        Settings {
            maxOwnWords = maxOwnWords == null ? 3 : maxOwnWords;
            filler = filler == null ? List.of() : filler;
            pushPatterns = pushPatterns == null ? List.of() : pushPatterns;
            promoHostPatterns = promoHostPatterns == null ? List.of() : promoHostPatterns;
            shopHostPatterns = shopHostPatterns == null ? List.of() : shopHostPatterns;
            askedPatterns = askedPatterns == null ? List.of() : askedPatterns;
        }
    }

    private final Rule rule;
    private final PhraseSet push;
    private final Pattern promoHosts;
    private final Pattern shopHosts;
    private final Pattern asked;
    private final Set<String> filler;
    private final int maxOwnWords;

    LinkDropDetector(Rule rule) {
        RuleSpec spec = rule.spec();
        Settings s = spec.settings(Settings.class);
        this.rule = rule;
        this.push = spec.phrases("push_patterns", s.pushPatterns());
        this.promoHosts = spec.rawPattern("promo_host_patterns", s.promoHostPatterns());
        this.shopHosts = spec.rawPattern("shop_host_patterns", s.shopHostPatterns());
        this.asked = spec.pattern("asked_patterns", s.askedPatterns());
        this.filler = new HashSet<>(RuleSpec.folded(s.filler()));
        this.maxOwnWords = s.maxOwnWords();
    }

    private boolean shop(List<Token> links) {
        return Links.anyMatches(links, shopHosts);
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Token> links = d.of(Token.Kind.LINK);
        if (links.isEmpty() || Links.asked(d, asked)) {
            return List.of();
        }
        boolean promo = Links.anyMatches(links, promoHosts);
        boolean pushed = push != null && push.foundIn(d);
        boolean few = OwnWords.count(d, filler) <= maxOwnWords;
        boolean dropped = d.draft().kind().inConversation()
                ? promo || few || pushed && OwnWords.count(d, filler) <= 3 * maxOwnWords
                : promo && (pushed || few) || shop(links) && OwnWords.count(d, filler) <= 3 * maxOwnWords;
        if (!dropped) {
            return List.of();
        }
        Token link = links.get(0);
        return List.of(rule.at(d, d.span(link), Map.of("promo", promo || shop(links), "pushed", pushed)));
    }
}
