package io.candor.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small logistic model over named features saying how likely a reply ignores the message
 * it answers, with the two thresholds it was calibrated to: above {@code hintAbove} it asks
 * a question, above {@code warnAbove} it warns. Features are standardised with the means and
 * scales of training. Immutable; the saved JSON is the same bytes for the same training.
 */
public record ReplyModel(List<String> features, double[] means, double[] scales, double[] weights, double bias,
                         double hintAbove, double warnAbove) {

    /** Log-odds that the reply ignores the message. */
    public double score(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " features, got " + x.length);
        }
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - means[i]) / scales[i];
        }
        return z;
    }

    /** Fits by full-batch gradient descent with L2, deterministic; labels true mean "ignores". */
    public static ReplyModel fit(List<String> names, List<double[]> x, List<Boolean> ignores, List<Double> weight) {
        int d = names.size();
        int n = x.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += weight.get(i);
            for (int k = 0; k < d; k++) {
                mean[k] += weight.get(i) * x.get(i)[k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= total;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                double dv = x.get(i)[k] - mean[k];
                scale[k] += weight.get(i) * dv * dv;
            }
        }
        for (int k = 0; k < d; k++) {
            scale[k] = Math.max(Math.sqrt(scale[k] / total), 1e-6);
        }
        double[] w = new double[d];
        double b = 0;
        for (int it = 0; it < 400; it++) {
            double[] g = new double[d];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double z = b;
                double[] xi = x.get(i);
                for (int k = 0; k < d; k++) {
                    z += w[k] * (xi[k] - mean[k]) / scale[k];
                }
                double err = (1 / (1 + Math.exp(-z)) - (ignores.get(i) ? 1 : 0)) * weight.get(i);
                for (int k = 0; k < d; k++) {
                    g[k] += err * (xi[k] - mean[k]) / scale[k];
                }
                gb += err;
            }
            for (int k = 0; k < d; k++) {
                w[k] -= 0.5 * (g[k] / total + 1e-3 * w[k]);
            }
            b -= 0.5 * gb / total;
        }
        return new ReplyModel(List.copyOf(names), round(mean), round(scale), round(w), round(b), 0, 0);
    }

    public ReplyModel withThresholds(double hint, double warn) {
        return new ReplyModel(features, means, scales, weights, bias, round(hint), round(warn));
    }

    public String toJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        ArrayNode fs = o.putArray("features");
        for (int k = 0; k < features.size(); k++) {
            fs.addObject().put("name", features.get(k)).put("mean", means[k]).put("scale", scales[k]).put("weight", weights[k]);
        }
        o.put("bias", bias);
        o.put("hint_above", hintAbove);
        o.put("warn_above", warnAbove);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ReplyModel fromJson(String text) throws IOException {
        JsonNode o = new ObjectMapper().readTree(text);
        if (o == null || !o.path("features").isArray() || !o.has("bias")) {
            throw new IOException("not a reply model: no features or bias");
        }
        List<String> names = new ArrayList<>();
        int d = o.get("features").size();
        double[] m = new double[d];
        double[] s = new double[d];
        double[] w = new double[d];
        for (int k = 0; k < d; k++) {
            JsonNode f = o.get("features").get(k);
            names.add(f.path("name").asText());
            m[k] = f.path("mean").asDouble();
            s[k] = f.path("scale").asDouble(1);
            w[k] = f.path("weight").asDouble();
        }
        return new ReplyModel(names, m, s, w, o.get("bias").asDouble(), o.path("hint_above").asDouble(),
                o.path("warn_above").asDouble());
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = round(v[i]);
        }
        return out;
    }
}
