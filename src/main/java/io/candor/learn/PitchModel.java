package io.candor.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.candor.text.TextNormalizer;
import io.candor.text.Token;
import io.candor.text.Tokenizer;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small naive Bayes model over words, word pairs and shapes (binary counts, Laplace
 * smoothing), telling self-promotion and bait from conversation. Immutable once built;
 * scoring is a few map look-ups per word. Trained by {@code candor train-model}.
 */
public final class PitchModel {
    /** How a text scored: log-odds of pitch, and the feature that pushed hardest towards it. */
    public record Score(double logOdds, Features.Feature strongest, double strongestWeight) {
    }

    private final Map<String, Double> weights;
    private final double prior;

    PitchModel(Map<String, Double> weights, double prior) {
        this.weights = Map.copyOf(weights);
        this.prior = prior;
    }

    public Score score(List<Token> tokens) {
        double sum = prior;
        Features.Feature best = null;
        double bestW = 0;
        Set<String> seen = new HashSet<>();
        for (Features.Feature f : Features.of(tokens)) {
            if (!seen.add(f.name())) {
                continue;
            }
            Double w = weights.get(f.name());
            if (w == null) {
                continue;
            }
            sum += w;
            if (w > bestW) {
                bestW = w;
                best = f;
            }
        }
        return new Score(sum, best, bestW);
    }

    public Score score(String text) {
        return score(Tokenizer.tokenize(TextNormalizer.fold(text)));
    }

    public int size() {
        return weights.size();
    }

    /** Trains from labelled texts: features seen in fewer than {@code minCount} texts are left out. */
    public static PitchModel train(List<String> texts, List<Boolean> pitch, int minCount) {
        Map<String, int[]> counts = new HashMap<>();
        int nPitch = 0;
        int nOther = 0;
        for (int i = 0; i < texts.size(); i++) {
            boolean p = pitch.get(i);
            if (p) {
                nPitch++;
            } else {
                nOther++;
            }
            Set<String> seen = new HashSet<>();
            for (Features.Feature f : Features.of(Tokenizer.tokenize(TextNormalizer.fold(texts.get(i))))) {
                if (seen.add(f.name())) {
                    counts.computeIfAbsent(f.name(), k -> new int[2])[p ? 0 : 1]++;
                }
            }
        }
        long totalPitch = 0;
        long totalOther = 0;
        for (int[] c : counts.values()) {
            totalPitch += c[0];
            totalOther += c[1];
        }
        int vocab = counts.size();
        Map<String, Double> weights = new HashMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            if (c[0] + c[1] < minCount) {
                continue;
            }
            double w = Math.log((c[0] + 1.0) / (totalPitch + vocab)) - Math.log((c[1] + 1.0) / (totalOther + vocab));
            weights.put(e.getKey(), Math.round(w * 1000) / 1000.0);
        }
        // equal priors: the share of pitches in a training set says nothing about a team's drafts
        return new PitchModel(weights, 0.0);
    }

    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        o.put("prior", prior);
        ObjectNode w = o.putObject("weights");
        weights.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> w.put(e.getKey(), e.getValue()));
        return o;
    }

    public static PitchModel fromJson(JsonNode o) throws IOException {
        if (o == null || !o.has("weights")) {
            throw new IOException("not a pitch model: no weights");
        }
        Map<String, Double> w = new HashMap<>();
        o.get("weights").properties().forEach(e -> w.put(e.getKey(), e.getValue().asDouble()));
        return new PitchModel(w, o.path("prior").asDouble(0));
    }
}
