package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Rule;
import io.candor.text.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A link dropped to send people somewhere else: pushed with a "visit / click / like /
 * vote / join" call, pointing at a self-promotion destination (a channel, a page, a
 * fundraiser, a shortener), or posted with almost no words of one's own. In a reply, a
 * link the other person did not ask for.
 */
final class LinkDropDetector implements Detector {
    private final Rule rule;
    private final Pattern push;
    private final Pattern promoHosts;
    private final Pattern asked;
    private final Set<String> filler;
    private final int maxOwnWords;

    LinkDropDetector(Rule rule) {
        this.rule = rule;
        this.push = rule.spec().matcher("push", "push_patterns");
        this.promoHosts = rule.spec().matcher("promo_hosts", "promo_host_patterns");
        this.asked = rule.spec().matcher("asked", "asked_patterns");
        this.filler = new HashSet<>(rule.spec().folded("filler"));
        this.maxOwnWords = rule.spec().integer("max_own_words", 3);
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Token> links = d.of(Token.Kind.LINK);
        if (links.isEmpty()) {
            return List.of();
        }
        if (d.replyTo().isPresent() && asked != null && asked.matcher(d.replyTo().get().folded()).find()) {
            return List.of();
        }
        Token link = links.get(0);
        boolean dropped = d.replyTo().isPresent()
                || OwnWords.count(d, filler) <= maxOwnWords
                || push != null && push.matcher(d.folded()).find()
                || links.stream().anyMatch(l -> promoHosts != null && promoHosts.matcher(l.text()).find());
        if (!dropped) {
            return List.of();
        }
        return List.of(rule.at(d, d.span(link), java.util.Map.of("reply", d.replyTo().isPresent())));
    }
}
