package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.platform.Platform;
import io.candor.review.Rule;
import io.candor.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** More hashtags than a platform's readers put up with; quotes the ones past the limit. */
final class HashtagCountDetector implements Detector {
    record Settings(Map<String, Integer> max, Integer maxWithoutPlatform) {
        Settings {
            max = max == null ? Map.of() : max;
            maxWithoutPlatform = maxWithoutPlatform == null ? 6 : maxWithoutPlatform;
        }
    }

    private final Rule rule;
    private final Map<Platform, Integer> max;
    private final int withoutPlatform;

    HashtagCountDetector(Rule rule) {
        this.rule = rule;
        Settings s = rule.spec().settings(Settings.class);
        this.max = PlatformLimits.read(rule.spec(), "max", s.max());
        this.withoutPlatform = s.maxWithoutPlatform();
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Token> tags = d.of(Token.Kind.HASHTAG);
        List<Finding> out = new ArrayList<>();
        if (d.platforms().isEmpty()) {
            if (tags.size() > withoutPlatform) {
                out.add(finding(d, tags, withoutPlatform, ""));
            }
            return out;
        }
        for (Platform p : d.platforms().stream().distinct().toList()) {
            Integer m = max.get(p);
            if (m != null && tags.size() > m) {
                out.add(finding(d, tags, m, p.displayName()));
            }
        }
        return out;
    }

    private Finding finding(AnalyzedDraft d, List<Token> tags, int limit, String platform) {
        Token first = tags.get(limit);
        Token last = tags.get(tags.size() - 1);
        return rule.at(d, d.span(first.start(), last.end()),
                Map.of("count", tags.size(), "max", limit, "platform", platform, "none", limit == 0));
    }
}
