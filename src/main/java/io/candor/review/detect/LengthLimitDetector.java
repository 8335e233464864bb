package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.platform.Platform;
import io.candor.review.Rule;
import io.candor.text.Span;
import io.candor.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Over a platform's length limit. Counts characters as people see them (code points),
 * and a link as the platform counts it where it shortens links (X: 23). The span starts
 * where the limit runs out, so the quote shows what would be cut.
 */
final class LengthLimitDetector implements Detector {
    /** @param commentLimits where a comment or reply has a limit of its own (a YouTube comment, not a video description) */
    record Settings(Map<String, Integer> limits, Map<String, Integer> commentLimits, Map<String, Integer> linkLength) {
        Settings {
            limits = limits == null ? Map.of() : limits;
            commentLimits = commentLimits == null ? Map.of() : commentLimits;
            linkLength = linkLength == null ? Map.of() : linkLength;
        }
    }

    private final Rule rule;
    private final Map<Platform, Integer> limits;
    private final Map<Platform, Integer> commentLimits;
    private final Map<Platform, Integer> linkLength;

    LengthLimitDetector(Rule rule) {
        this.rule = rule;
        Settings s = rule.spec().settings(Settings.class);
        this.limits = PlatformLimits.read(rule.spec(), "limits", s.limits());
        this.commentLimits = PlatformLimits.read(rule.spec(), "comment_limits", s.commentLimits());
        this.linkLength = PlatformLimits.read(rule.spec(), "link_length", s.linkLength());
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Finding> out = new ArrayList<>();
        String text = d.original();
        for (Platform p : d.platforms().stream().distinct().toList()) {
            Integer limit = d.draft().kind().inConversation() && commentLimits.containsKey(p) ? commentLimits.get(p) : limits.get(p);
            if (limit == null) {
                continue;
            }
            Integer perLink = linkLength.get(p);
            List<Span> links = perLink == null ? List.of() : d.of(Token.Kind.LINK).stream().map(d::span).toList();
            int used = 0;
            int cut = -1;
            int i = 0;
            while (i < text.length()) {
                Span link = at(links, i);
                int step;
                int next;
                if (link != null) {
                    step = perLink;
                    next = link.end();
                } else {
                    step = 1;
                    next = i + Character.charCount(text.codePointAt(i));
                }
                if (used + step > limit && cut < 0) {
                    cut = i;
                }
                used += step;
                i = next;
            }
            if (used > limit) {
                // the word the limit falls in would not fit either: the quote starts with it, not mid-word
                while (cut > 0 && Character.isLetterOrDigit(text.codePointBefore(cut)) && Character.isLetterOrDigit(text.codePointAt(cut))) {
                    cut -= Character.charCount(text.codePointBefore(cut));
                }
                out.add(rule.at(d, new Span(cut, text.length()), Map.of("platform", p.displayName(),
                        "limit", limit, "length", used, "over", used - limit)));
            }
        }
        return out;
    }

    private static Span at(List<Span> links, int i) {
        for (Span s : links) {
            if (s.start() == i) {
                return s;
            }
        }
        return null;
    }
}
