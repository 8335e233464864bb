package io.candor.meaning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one sentence encoder a process shares, loaded on first use (a review without a reply
 * never loads it), with the meanings of recent texts remembered: a mention is answered by
 * several replies, and its meaning is worked out once. Thread-safe.
 */
public final class Meaning {
    private static volatile int remembered = 512;
    private static volatile SentenceEncoder encoder;
    private static volatile RuntimeException failure;
    private static final Map<String, float[]> RECENT = new LinkedHashMap<>(512, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> e) {
            return size() > remembered;
        }
    };

    /** Remember up to this many texts (training and evaluation runs read each text several times). */
    public static void rememberUpTo(int texts) {
        remembered = Math.max(remembered, texts);
    }

    private Meaning() {
    }

    /** The text's meaning; an IllegalStateException when the model cannot run on this machine. */
    public static float[] of(String text) {
        synchronized (RECENT) {
            float[] v = RECENT.get(text);
            if (v != null) {
                return v;
            }
        }
        float[] v = encoder().encode(text);
        synchronized (RECENT) {
            RECENT.put(text, v);
        }
        return v;
    }

    /** True when the model loads here (it ships for Linux, macOS and Windows on x64 and ARM). */
    public static boolean available() {
        try {
            encoder();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static SentenceEncoder encoder() {
        SentenceEncoder e = encoder;
        if (e != null) {
            return e;
        }
        synchronized (Meaning.class) {
            if (failure != null) {
                throw failure;
            }
            if (encoder == null) {
                try {
                    encoder = SentenceEncoder.load();
                } catch (IllegalStateException | UnsatisfiedLinkError x) {
                    failure = x instanceof IllegalStateException ise ? ise
                            : new IllegalStateException("the sentence model cannot run here: " + x.getMessage(), x);
                    throw failure;
                }
            }
            return encoder;
        }
    }
}
