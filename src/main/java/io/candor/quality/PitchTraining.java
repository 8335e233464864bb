package io.candor.quality;

import io.candor.config.CandorConfig;
import io.candor.learn.LabelledData;
import io.candor.learn.LinearModel;
import io.candor.learn.TextFeatures;
import io.candor.review.AnalyzedDraft;
import io.candor.review.Draft;
import io.candor.review.ReviewSettings;
import io.candor.review.RuleCatalog;
import io.candor.review.detect.PitchFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains the pitch model from labelled rows of several sources, on the features its rule
 * names (concept cues of the pitch rules, and words when enabled). Each source weighs the
 * same in total, and inside a source promotions and conversation weigh the same, so the
 * model learns what promotion is rather than which file is biggest. Genuine replies from the
 * reply pairs count as conversation. Deterministic: same rows, same bytes.
 */
public final class PitchTraining {
    public static final int BITS = 18;
    static final int EPOCHS = 6;
    static final double RATE = 0.1;
    static final double L2 = 1e-5;
    static final long SEED = 20261130L;
    /** Total weight of one source, so the learning rate means the same whatever the row counts. */
    private static final double SOURCE_WEIGHT = 3000;

    private final PitchFeatures features;
    /** Features are computed once per text and reused by every held-out training. */
    private final Map<String, TextFeatures.Vector> cache = new HashMap<>();

    public PitchTraining(CandorConfig config) {
        ReviewSettings settings = config.section("review", ReviewSettings.class);
        this.features = PitchFeatures.of(RuleCatalog.load(config.rules(), settings), BITS);
    }

    /** A model trained on every row whose source is not in {@code leaveOut}. */
    public LinearModel train(Map<String, List<LabelledData.Row>> bySource, Set<String> leaveOut) {
        List<LinearModel.Example> examples = new ArrayList<>();
        for (Map.Entry<String, List<LabelledData.Row>> e : bySource.entrySet()) {
            if (leaveOut.contains(e.getKey())) {
                continue;
            }
            List<LabelledData.Row> rows = e.getValue().stream().filter(PitchTraining::usable).toList();
            long pitches = rows.stream().filter(PitchTraining::isPitch).count();
            long others = rows.size() - pitches;
            for (LabelledData.Row r : rows) {
                boolean yes = isPitch(r);
                double w = pitches == 0 || others == 0 ? SOURCE_WEIGHT / rows.size()
                        : SOURCE_WEIGHT / 2 / (yes ? pitches : others);
                examples.add(new LinearModel.Example(vector(r.text()), yes, w));
            }
        }
        return LinearModel.train(examples, BITS, EPOCHS, RATE, L2, SEED);
    }

    private synchronized TextFeatures.Vector vector(String text) {
        return cache.computeIfAbsent(text, t -> features.of(AnalyzedDraft.of(Draft.of(t))));
    }

    /** Pitch-labelled texts, conversation, and genuine replies (a reply put under another thread is the same text again). */
    private static boolean usable(LabelledData.Row r) {
        return !r.isPair() || r.label().equals("answers");
    }

    private static boolean isPitch(LabelledData.Row r) {
        return !r.isPair() && r.pitch();
    }
}
