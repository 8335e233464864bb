package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.platform.Platform;
import io.candor.review.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Handles and hashtag habits that belong to another network ("@ana@mastodon.social" on
 * X, "RT @" or "#FollowFriday" on LinkedIn): they do not link, or they read as pasted.
 * Only judged when the draft says where it is going.
 */
final class ForeignHandleDetector implements Detector {
    record HabitSettings(String network, String pattern, List<String> home) {
        HabitSettings {
            home = home == null ? List.of() : home;
        }
    }

    record Settings(List<HabitSettings> habits) {
        Settings {
            habits = habits == null ? List.of() : habits;
        }
    }

    private record Habit(String network, Pattern pattern, Set<Platform> home) {
    }

    private final Rule rule;
    private final List<Habit> habits = new ArrayList<>();

    ForeignHandleDetector(Rule rule) {
        this.rule = rule;
        for (HabitSettings h : rule.spec().settings(Settings.class).habits()) {
            if (h.network() == null || h.pattern() == null) {
                throw new io.candor.config.ConfigException(rule.spec().where() + ": key 'habits': each habit needs a network and a pattern");
            }
            habits.add(new Habit(h.network(), rule.spec().pattern("habits", List.of(h.pattern())),
                    PlatformLimits.set(rule.spec(), "habits.home", h.home())));
        }
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        if (d.platforms().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Habit h : habits) {
            List<Platform> away = d.platforms().stream().filter(p -> !h.home().contains(p)).distinct().toList();
            if (away.isEmpty()) {
                continue;
            }
            Matcher m = h.pattern().matcher(d.folded());
            if (m.find()) {
                out.add(rule.at(d, d.span(m.start(), m.end()), Map.of("network", h.network(),
                        "platform", away.stream().map(Platform::displayName).collect(Collectors.joining(", ")))));
            }
        }
        return out;
    }
}
