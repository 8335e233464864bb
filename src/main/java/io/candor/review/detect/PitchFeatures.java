package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.learn.TextFeatures;
import io.candor.review.AnalyzedDraft;
import io.candor.review.RuleSpec;
import java.util.List;

/**
 * What the learned pitch model sees in a draft: the concept cues of the rules it learns from
 * and, when its rule says so, the words themselves. Training and review build features the
 * same way through this class, so the shipped model always reads what it was trained on.
 */
public final class PitchFeatures {
    private final ConceptCues cues;
    private final boolean words;
    private final int bits;

    PitchFeatures(ConceptCues cues, boolean words, int bits) {
        this.cues = cues;
        this.words = words;
        this.bits = bits;
    }

    /** The features of the catalogue's learned rule ({@code detector: learned}), for a model of {@code 2^bits} slots. */
    public static PitchFeatures of(List<RuleSpec> catalogue, int bits) {
        RuleSpec learned = catalogue.stream().filter(s -> s.detector().equals("learned")).findFirst()
                .orElseThrow(() -> new ConfigException("no rule with detector: learned in the catalogue"));
        LearnedDetector.Settings s = learned.settings(LearnedDetector.Settings.class);
        return new PitchFeatures(new ConceptCues(catalogue, s.cuesFrom(), learned.where()), s.words(), bits);
    }

    public TextFeatures.Vector of(AnalyzedDraft d) {
        TextFeatures.Builder b = TextFeatures.builder(bits, d.tokens().size());
        if (words) {
            b.words(d.tokens(), d.echoes());
        }
        cues.addTo(d, b);
        return b.build();
    }

    public int bits() {
        return bits;
    }
}
