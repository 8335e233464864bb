package io.candor.learn;

import io.candor.text.TextNormalizer;
import io.candor.text.Token;
import io.candor.text.Tokenizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * Logistic regression over hashed {@link TextFeatures}, each text's vector scaled to unit
 * length so a long message and a short comment weigh alike. Immutable once built; scoring
 * is one array read per feature. Trained by {@link #train} (AdaGrad, L2), deterministically:
 * the same texts in the same order give the same bytes.
 */
public final class LinearModel {
    private static final int MAGIC = 0x43414e31; // "CAN1"
    private final int bits;
    private final float[] weights;
    private final float bias;

    LinearModel(int bits, float[] weights, float bias) {
        this.bits = bits;
        this.weights = weights;
        this.bias = bias;
    }

    /** How a text scored: log-odds, and the tokens [first, last] that pushed hardest towards "yes". */
    public record Score(double logOdds, int first, int last, double push) {
        public boolean hasQuote() {
            return first >= 0;
        }
    }

    public int bits() {
        return bits;
    }

    public Score score(List<Token> tokens) {
        return score(TextFeatures.of(tokens, bits), tokens.size());
    }

    /** Scores a vector built for this model's size; the quote is found among {@code tokens} tokens. */
    public Score score(TextFeatures.Vector v, int tokens) {
        if (v.size() == 0) {
            return new Score(bias, -1, -1, 0);
        }
        double x = 1.0 / Math.sqrt(v.size());
        double sum = bias;
        double[] perToken = new double[tokens];
        for (int i = 0; i < v.size(); i++) {
            double w = weights[v.slots()[i]] * x;
            sum += w;
            if (v.first()[i] < 0 || v.last()[i] >= tokens) {
                continue; // a feature of the whole text: it counts, but points at no words
            }
            int span = v.last()[i] - v.first()[i] + 1;
            for (int t = v.first()[i]; t <= v.last()[i]; t++) {
                perToken[t] += w / span;
            }
        }
        // the quote: the window of up to three tokens that pushed most towards "yes"
        int bestFirst = -1;
        int bestLast = -1;
        double best = 0;
        for (int a = 0; a < perToken.length; a++) {
            double s = 0;
            for (int b = a; b < Math.min(perToken.length, a + 3); b++) {
                s += perToken[b];
                if (s > best && perToken[a] > 0 && perToken[b] > 0) {
                    best = s;
                    bestFirst = a;
                    bestLast = b;
                }
            }
        }
        return new Score(sum, bestFirst, bestLast, best);
    }

    public double logOdds(String text) {
        return score(Tokenizer.tokenize(TextNormalizer.fold(text))).logOdds();
    }

    /** One training example: its features, its label and how much it counts. */
    public record Example(TextFeatures.Vector features, boolean yes, double weight) {
    }

    /**
     * Trains by AdaGrad on the logistic loss with L2, {@code epochs} passes in an order
     * shuffled from {@code seed}. Weights are rounded to 1/4096 so the saved model is the
     * same bytes on every machine.
     */
    public static LinearModel train(List<Example> examples, int bits, int epochs, double rate, double l2, long seed) {
        int size = 1 << bits;
        double[] w = new double[size];
        double[] g2 = new double[size];
        double b = 0;
        double bg2 = 0;
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rnd = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int idx : order) {
                Example e = examples.get(idx);
                int[] slots = e.features().slots();
                if (slots.length == 0) {
                    continue;
                }
                double x = 1.0 / Math.sqrt(slots.length);
                double z = b;
                for (int s : slots) {
                    z += w[s] * x;
                }
                double p = 1.0 / (1.0 + Math.exp(-z));
                double g = (p - (e.yes() ? 1 : 0)) * e.weight();
                for (int s : slots) {
                    double gs = g * x + l2 * w[s];
                    g2[s] += gs * gs;
                    w[s] -= rate * gs / Math.sqrt(g2[s] + 1e-8);
                }
                bg2 += g * g;
                b -= rate * g / Math.sqrt(bg2 + 1e-8);
            }
        }
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) (Math.round(w[i] * 4096) / 4096.0);
        }
        return new LinearModel(bits, out, (float) (Math.round(b * 4096) / 4096.0));
    }

    /** The model as bytes: a header, then each non-zero weight as (gap to previous slot, value in 1/4096). */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeByte(bits);
            out.writeInt(Math.round(bias * 4096));
            int nonZero = 0;
            for (float f : weights) {
                nonZero += Math.round(f * 4096) != 0 ? 1 : 0;
            }
            out.writeInt(nonZero);
            int prev = -1;
            for (int i = 0; i < weights.length; i++) {
                int q = Math.round(weights[i] * 4096);
                if (q != 0) {
                    writeVarInt(out, i - prev);
                    writeVarInt(out, (q << 1) ^ (q >> 31));
                    prev = i;
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LinearModel fromBytes(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (data.length < 13 || in.readInt() != MAGIC) {
            throw new IOException("not a Candor linear model");
        }
        int bits = in.readByte();
        if (bits < 8 || bits > 24) {
            throw new IOException("bad model size " + bits);
        }
        float bias = in.readInt() / 4096f;
        int n = in.readInt();
        float[] w = new float[1 << bits];
        int at = -1;
        for (int k = 0; k < n; k++) {
            at += readVarInt(in);
            int z = readVarInt(in);
            if (at >= w.length) {
                throw new IOException("model slot out of range");
            }
            w[at] = ((z >>> 1) ^ -(z & 1)) / 4096f;
        }
        return new LinearModel(bits, w, bias);
    }

    private static void writeVarInt(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("bad number in model");
    }
}
