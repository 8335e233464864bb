package io.candor.meaning;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.Map;

/**
 * Turns a text into a 384-number vector of what it means (all-MiniLM-L6-v2, quantised, run
 * by ONNX Runtime on one thread): texts about the same thing point the same way even with no
 * word in common. The model ships inside a Maven artifact and is loaded once, on first use,
 * so reviews without a reply never pay for it. Thread-safe.
 */
public final class SentenceEncoder implements AutoCloseable {
    static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    /**
     * Longer texts are cut: the first 64 word pieces (about 50 words) say what a reply or a
     * message is about, and the model's cost grows with every piece (a reply check stays
     * within its 20 ms on one core).
     */
    static final int MAX_TOKENS = 64;
    public static final int DIMENSIONS = 384;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPiece tokenizer;
    private final boolean wantsTypes;

    private SentenceEncoder(OrtEnvironment env, OrtSession session, WordPiece tokenizer) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.wantsTypes = session.getInputNames().contains("token_type_ids");
    }

    /** Loads the shipped model; an IllegalStateException names what is missing when it cannot. */
    public static SentenceEncoder load() {
        try (InputStream model = SentenceEncoder.class.getResourceAsStream(MODEL);
             InputStream tok = SentenceEncoder.class.getResourceAsStream(TOKENIZER)) {
            if (model == null || tok == null) {
                throw new IllegalStateException("the sentence model is not in this build (" + MODEL + ")");
            }
            WordPiece wp = WordPiece.fromTokenizerJson(new ObjectMapper().readTree(tok));
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new SentenceEncoder(env, env.createSession(model.readAllBytes(), opts), wp);
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load the sentence model: " + e.getMessage(), e);
        }
    }

    /** The text's meaning as a unit-length vector (mean of the word-piece vectors). */
    public float[] encode(String text) {
        return meanNormalised(tokens(text));
    }

    /** One vector per word piece of the text (without [CLS] and [SEP]), each of unit length. */
    public float[][] pieces(String text) {
        float[][] t = tokens(text);
        int n = Math.max(1, t.length - 2);
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] v = t.length > 2 ? t[i + 1].clone() : t[0].clone();
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) (v[k] / Math.max(norm, 1e-12));
            }
            out[i] = v;
        }
        return out;
    }

    private float[][] tokens(String text) {
        int[] ids = tokenizer.encode(text, MAX_TOKENS);
        long[] input = new long[ids.length];
        long[] mask = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            input[i] = ids[i];
            mask[i] = 1;
        }
        long[] shape = {1, ids.length};
        try (OnnxTensor in = OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape);
             OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> feed = wantsTypes
                    ? Map.of("input_ids", in, "attention_mask", m, "token_type_ids", types)
                    : Map.of("input_ids", in, "attention_mask", m);
            try (OrtSession.Result r = session.run(feed)) {
                float[][][] hidden = (float[][][]) r.get(0).getValue();
                return hidden[0];
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed: " + e.getMessage(), e);
        }
    }

    private static float[] meanNormalised(float[][] tokens) {
        float[] out = new float[tokens[0].length];
        for (float[] t : tokens) {
            for (int i = 0; i < out.length; i++) {
                out[i] += t[i];
            }
        }
        double norm = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] /= tokens.length;
            norm += out[i] * out[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (out[i] / Math.max(norm, 1e-12));
        }
        return out;
    }

    public static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing at exit: nothing left to do
        }
    }
}
