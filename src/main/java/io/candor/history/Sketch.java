package io.candor.history;

import java.util.List;

/** A text as history compares it: its content words, and its MinHash signature (null when it has none). */
public record Sketch(List<String> words, char[] signature) {
    public boolean isEmpty() {
        return signature == null;
    }

    public String normalized() {
        return String.join(" ", words);
    }

    /** The signature as the database stores it: two bytes a value, big-endian. */
    public byte[] signatureBytes() {
        return toBytes(signature);
    }

    static byte[] toBytes(char[] sig) {
        byte[] b = new byte[sig.length * 2];
        for (int i = 0; i < sig.length; i++) {
            b[2 * i] = (byte) (sig[i] >>> 8);
            b[2 * i + 1] = (byte) sig[i];
        }
        return b;
    }

    static char[] fromBytes(byte[] b) {
        char[] sig = new char[b.length / 2];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = (char) ((b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF));
        }
        return sig;
    }
}
