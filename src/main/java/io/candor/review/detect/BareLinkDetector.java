package io.candor.review.detect;

import io.candor.review.AnalyzedDraft;
import io.candor.review.Detector;
import io.candor.review.Finding;
import io.candor.review.Rule;
import io.candor.review.RuleSpec;
import io.candor.text.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A link with too few of the writer's own words around it: the reader cannot tell what is
 * behind it or why they should care. A photo or a video with a few words of its own is not
 * bare (the picture is the post), and a link that answers someone who asked for one is fine.
 */
final class BareLinkDetector implements Detector {
    record Settings(Integer minOwnWords, Integer mediaMinOwnWords, List<String> filler, List<String> mediaPatterns,
                    List<String> askedPatterns) {
        Settings {
            minOwnWords = minOwnWords == null ? 6 : minOwnWords;
            mediaMinOwnWords = mediaMinOwnWords == null ? 2 : mediaMinOwnWords;
            filler = filler == null ? List.of() : filler;
            mediaPatterns = mediaPatterns == null ? List.of() : mediaPatterns;
            askedPatterns = askedPatterns == null ? List.of() : askedPatterns;
        }
    }

    private final Rule rule;
    private final Set<String> filler;
    private final int minWords;
    private final int mediaMinWords;
    private final Pattern media;
    private final Pattern asked;

    BareLinkDetector(Rule rule) {
        RuleSpec spec = rule.spec();
        Settings s = spec.settings(Settings.class);
        this.rule = rule;
        this.filler = new HashSet<>(RuleSpec.folded(s.filler()));
        this.minWords = s.minOwnWords();
        this.mediaMinWords = s.mediaMinOwnWords();
        this.media = spec.rawPattern("media_patterns", s.mediaPatterns());
        this.asked = spec.pattern("asked_patterns", s.askedPatterns());
    }

    @Override
    public List<Finding> detect(AnalyzedDraft d) {
        List<Token> links = d.of(Token.Kind.LINK);
        if (links.isEmpty() || Links.asked(d, asked)) {
            return List.of();
        }
        int own = OwnWords.count(d, filler);
        int needed = Links.allMedia(links, media) ? mediaMinWords : minWords * links.size();
        if (own >= needed) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Token l : links.subList(0, Math.min(links.size(), 3))) {
            out.add(rule.at(d, d.span(l), Map.of("words", own, "min", minWords)));
        }
        return out;
    }
}
