package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.review.Detector;
import io.candor.review.DetectorFactory;
import io.candor.review.Rule;
import io.candor.review.RuleSpec;
import java.util.List;

/**
 * Maps the {@code detector:} name in a rule file to the class that runs it. Each detector
 * decodes its own settings record from the rule, strictly, once, here. Registered in
 * META-INF/services as the {@link DetectorFactory} the reviewer uses.
 */
public final class DetectorKinds implements DetectorFactory {
    @Override
    public Detector create(Rule rule, DataFiles files, List<RuleSpec> catalogue) {
        String kind = rule.spec().detector();
        return switch (kind) {
            case "phrases" -> new PhraseDetector(rule);
            case "signals" -> new SignalsDetector(rule);
            case "cross-platform" -> new CrossPlatformDetector(rule);
            case "generic-thanks" -> new GenericThanksDetector(rule);
            case "bare-link" -> new BareLinkDetector(rule);
            case "dangling-opener" -> new DanglingOpenerDetector(rule);
            case "reply-relevance" -> new ReplyRelevanceDetector(rule, files);
            case "talks-at" -> new TalksAtDetector(rule);
            case "answer-shape" -> new AnswerShapeDetector(rule);
            case "canned-reply" -> new CannedReplyDetector(rule);
            case "unasked-offer" -> new UnaskedOfferDetector(rule);
            case "hype" -> new HypeDetector(rule);
            case "link-drop" -> new LinkDropDetector(rule);
            case "length-limit" -> new LengthLimitDetector(rule);
            case "hashtag-count" -> new HashtagCountDetector(rule);
            case "foreign-handles" -> new ForeignHandleDetector(rule);
            case "platform-phrases" -> new PlatformPhraseDetector(rule);
            case "learned" -> new LearnedDetector(rule, files, catalogue);
            default -> throw new ConfigException(rule.spec().where() + " names an unknown detector '" + kind
                    + "' (known: phrases, signals, cross-platform, generic-thanks, bare-link, dangling-opener, "
                    + "reply-relevance, answer-shape, canned-reply, talks-at, unasked-offer, hype, link-drop, length-limit, hashtag-count, "
                    + "foreign-handles, platform-phrases, learned)");
        };
    }
}
