package io.candor.learn;

import io.candor.text.TextNormalizer;
import io.candor.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains the pitch model from labelled rows of several sources. Each source weighs the same
 * in total, and inside a source promotions and conversation weigh the same, so the model
 * learns what promotion is rather than which file is biggest. Genuine replies from the reply
 * pairs count as conversation. Deterministic: same rows, same bytes.
 */
public final class PitchTraining {
    public static final int BITS = 20;
    static final int EPOCHS = 6;
    static final double RATE = 0.1;
    static final double L2 = 1e-6;
    static final long SEED = 20261130L;
    /** Total weight of one source, so the learning rate means the same whatever the row counts. */
    private static final double SOURCE_WEIGHT = 3000;

    private PitchTraining() {
    }

    /** A model trained on every row whose source is not in {@code leaveOut}. */
    public static LinearModel train(Map<String, List<LabelledData.Row>> bySource, Set<String> leaveOut) {
        List<LinearModel.Example> examples = new ArrayList<>();
        for (Map.Entry<String, List<LabelledData.Row>> e : new LinkedHashMap<>(bySource).entrySet()) {
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
                examples.add(new LinearModel.Example(features(r.text()), yes, w));
            }
        }
        return LinearModel.train(examples, BITS, EPOCHS, RATE, L2, SEED);
    }

    /** Pitch-labelled texts, conversation, and genuine replies (a reply put under another thread is the same text again). */
    private static boolean usable(LabelledData.Row r) {
        return !r.isPair() || r.label().equals("answers");
    }

    private static boolean isPitch(LabelledData.Row r) {
        return !r.isPair() && r.pitch();
    }

    static TextFeatures.Vector features(String text) {
        return TextFeatures.of(Tokenizer.tokenize(TextNormalizer.fold(text)), BITS);
    }
}
