package io.candor.review.detect;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.ConfigException;
import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Platform;
import io.candor.review.Rule;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A phrase that is wrong on some platforms: "link in bio" where links work in the post. */
final class PlatformPhraseDetector implements Detector {
    private final Rule rule;
    private final Pattern pattern;
    private final Set<Platform> wrongOn = EnumSet.noneOf(Platform.class);

    PlatformPhraseDetector(Rule rule) {
        this.rule = rule;
        this.pattern = rule.spec().matcher("phrases", "patterns");
        for (JsonNode p : rule.spec().node("wrong_on")) {
            wrongOn.add(Platform.find(p.asText()).orElseThrow(() -> new ConfigException(rule.spec().file()
                    + ": rule " + rule.id() + ": unknown platform '" + p.asText() + "'")));
        }
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Platform> wrong = d.platforms().stream().filter(wrongOn::contains).distinct().toList();
        if (wrong.isEmpty()) {
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
