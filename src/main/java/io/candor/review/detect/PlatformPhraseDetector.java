package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.platform.Platform;
import io.candor.review.Rule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A phrase that is wrong on some platforms: "link in bio" where links work in the post. */
final class PlatformPhraseDetector implements Detector {
    record Settings(List<String> patterns, List<String> wrongOn) {
        Settings {
            patterns = patterns == null ? List.of() : patterns;
            wrongOn = wrongOn == null ? List.of() : wrongOn;
        }
    }

    private final Rule rule;
    private final Pattern pattern;
    private final Set<Platform> wrongOn;

    PlatformPhraseDetector(Rule rule) {
        Settings s = rule.spec().settings(Settings.class);
        this.rule = rule;
        this.pattern = rule.spec().pattern("patterns", s.patterns());
        this.wrongOn = PlatformLimits.set(rule.spec(), "wrong_on", s.wrongOn());
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Platform> wrong = d.platforms().stream().filter(wrongOn::contains).distinct().toList();
        if (wrong.isEmpty() || pattern == null) {
            return List.of();
        }
        Matcher m = pattern.matcher(d.folded());
        if (!m.find()) {
            return List.of();
        }
        return List.of(rule.at(d, d.span(m.start(), m.end()), Map.of("platform",
                wrong.stream().map(Platform::displayName).collect(Collectors.joining(", ")))));
    }
}
