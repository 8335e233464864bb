package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.platform.Platform;
import io.candor.review.Rule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One unchanged text aimed at several networks at once: each audience gets a copy, not a post. */
final class CrossPlatformDetector implements Detector {
    record Settings(Integer minPlatforms) {
        Settings {
            minPlatforms = minPlatforms == null ? 2 : minPlatforms;
        }
    }

    private final Rule rule;
    private final int minPlatforms;

    CrossPlatformDetector(Rule rule) {
        this.rule = rule;
        this.minPlatforms = rule.spec().settings(Settings.class).minPlatforms();
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Platform> ps = d.platforms().stream().distinct().toList();
        if (ps.size() < minPlatforms || d.folded().isEmpty()) {
            return List.of();
        }
        String names = ps.stream().map(Platform::displayName).collect(Collectors.joining(", "));
        return List.of(rule.at(d, Spans.opening(d), Map.of("platforms", names, "count", ps.size())));
    }
}
