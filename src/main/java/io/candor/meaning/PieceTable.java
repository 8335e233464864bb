package io.candor.meaning;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The meaning of a text in microseconds: one row per word piece of the shipped sentence
 * model, distilled from it once ({@link #distil}: each piece encoded alone, the rows reduced
 * to their main directions and stored as bytes), and a text's meaning is the mean of its
 * pieces' rows. It carries what a piece means, not what a sentence says (no word order), which
 * is what a model over many sources needs: "subscribe" and "abonnez", "wallet" and "metamask"
 * land near each other without the encoder running on every draft. Immutable; thread-safe.
 */
public final class PieceTable {
    private static final int MAGIC = 0x43504d31; // "CPM1"
    /** Pieces read from a text; the first ones say what a short comment is about. */
    static final int MAX_PIECES = 96;
    private final Map<String, Integer> ids;
    private final String[] pieces;
    private final byte[] rows;
    private final float[] scales;
    private final int dims;

    private PieceTable(String[] pieces, byte[] rows, float[] scales, int dims) {
        this.pieces = pieces;
        this.rows = rows;
        this.scales = scales;
        this.dims = dims;
        this.ids = new HashMap<>(pieces.length * 2);
        for (int i = 0; i < pieces.length; i++) {
            if (!pieces[i].isEmpty()) {
                ids.put(pieces[i], i);
            }
        }
    }

    public int dims() {
        return dims;
    }

    /** The text's meaning: the mean of its pieces' rows, of unit length (all zero for a text with no known piece). */
    public float[] meaning(String text) {
        return meaning(WordPiece.words(text));
    }

    /**
     * The meaning of words already split and folded as WordPiece folds them (lower case, no
     * accents), such as a draft's word tokens: no second pass over the text.
     */
    public float[] meaning(Iterable<String> words) {
        float[] sum = new float[dims];
        int n = 0;
        for (String word : words) {
            if (n >= MAX_PIECES) {
                break;
            }
            n += addPieces(word, sum, MAX_PIECES - n);
        }
        return unit(sum);
    }

    private float[] unit(float[] sum) {
        double norm = 0;
        for (int k = 0; k < dims; k++) {
            double v = sum[k] * scales[k];
            sum[k] = (float) v;
            norm += v * v;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < dims; k++) {
                sum[k] *= inv;
            }
        }
        return sum;
    }

    /** Adds the rows of a word's longest known pieces (as WordPiece cuts it); a word it cannot cut adds nothing. */
    private int addPieces(String word, float[] sum, int room) {
        if (word.length() > 100) {
            return 0;
        }
        Integer whole = ids.get(word);
        if (whole != null) { // most words are a piece of their own
            addRow(whole, sum);
            return 1;
        }
        int added = 0;
        int start = 0;
        while (start < word.length() && added < room) {
            int end = word.length();
            Integer id = null;
            while (end > start) {
                id = ids.get(start > 0 ? "##" + word.substring(start, end) : word.substring(start, end));
                if (id != null) {
                    break;
                }
                end--;
            }
            if (id == null) {
                return added;
            }
            addRow(id, sum);
            added++;
            start = end;
        }
        return added;
    }

    private void addRow(int id, float[] sum) {
        int at = id * dims;
        for (int k = 0; k < dims; k++) {
            sum[k] += rows[at + k];
        }
    }

    /**
     * Encodes every piece of the shipped model's vocabulary alone ([CLS] piece [SEP], mean of the
     * outputs, as a one-piece text), keeps the {@code dims} directions along which the pieces
     * differ most (principal components, found by power iteration from a fixed start) and
     * stores each coordinate as a byte. Special and unused pieces get no row.
     */
    public static PieceTable distil(SentenceEncoder encoder, int dims) {
        List<String> vocab = encoder.vocabulary();
        int v = vocab.size();
        int full = SentenceEncoder.DIMENSIONS;
        float[][] raw = new float[v][];
        boolean[] kept = new boolean[v];
        for (int id = 0; id < v; id++) {
            String p = vocab.get(id);
            if (p == null || p.isEmpty() || p.startsWith("[") && p.endsWith("]")) {
                continue;
            }
            raw[id] = encoder.encodeIds(new int[] {WordPiece.CLS, id, WordPiece.SEP});
            kept[id] = true;
        }
        double[] mean = new double[full];
        int count = 0;
        for (int id = 0; id < v; id++) {
            if (kept[id]) {
                count++;
                for (int k = 0; k < full; k++) {
                    mean[k] += raw[id][k];
                }
            }
        }
        for (int k = 0; k < full; k++) {
            mean[k] /= Math.max(1, count);
        }
        double[][] cov = new double[full][full];
        double[] c = new double[full];
        for (int id = 0; id < v; id++) {
            if (!kept[id]) {
                continue;
            }
            for (int k = 0; k < full; k++) {
                c[k] = raw[id][k] - mean[k];
            }
            for (int a = 0; a < full; a++) {
                double ca = c[a];
                double[] row = cov[a];
                for (int b = a; b < full; b++) {
                    row[b] += ca * c[b];
                }
            }
        }
        for (int a = 0; a < full; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        double[][] basis = Pca.top(cov, dims);
        float[][] reduced = new float[v][dims];
        float[] maxAbs = new float[dims];
        for (int id = 0; id < v; id++) {
            if (!kept[id]) {
                continue;
            }
            for (int j = 0; j < dims; j++) {
                double s = 0;
                for (int k = 0; k < full; k++) {
                    s += (raw[id][k] - mean[k]) * basis[j][k];
                }
                reduced[id][j] = (float) s;
                maxAbs[j] = Math.max(maxAbs[j], Math.abs((float) s));
            }
        }
        byte[] rows = new byte[v * dims];
        float[] scales = new float[dims];
        for (int j = 0; j < dims; j++) {
            scales[j] = maxAbs[j] == 0 ? 0 : maxAbs[j] / 127f;
        }
        String[] pieces = new String[v];
        for (int id = 0; id < v; id++) {
            pieces[id] = kept[id] ? vocab.get(id) : "";
            if (!kept[id]) {
                continue;
            }
            for (int j = 0; j < dims; j++) {
                rows[id * dims + j] = scales[j] == 0 ? 0 : (byte) Math.round(reduced[id][j] / scales[j]);
            }
        }
        return new PieceTable(pieces, rows, scales, dims);
    }

    /** The row of a piece, as stored (for the test that checks a rebuilt table against the shipped one). */
    public byte[] row(String piece) {
        Integer id = ids.get(piece);
        byte[] out = new byte[dims];
        if (id != null) {
            System.arraycopy(rows, id * dims, out, 0, dims);
        }
        return out;
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(pieces.length);
            out.writeShort(dims);
            for (float s : scales) {
                out.writeFloat(s);
            }
            for (String p : pieces) {
                out.writeUTF(p);
            }
            out.write(rows);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PieceTable fromBytes(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (data.length < 10 || in.readInt() != MAGIC) {
            throw new IOException("not a Candor piece table");
        }
        int v = in.readInt();
        int dims = in.readUnsignedShort();
        if (v <= 0 || v > 1_000_000 || dims <= 0 || dims > 1024) {
            throw new IOException("bad piece table size " + v + " x " + dims);
        }
        float[] scales = new float[dims];
        for (int j = 0; j < dims; j++) {
            scales[j] = in.readFloat();
        }
        String[] pieces = new String[v];
        for (int i = 0; i < v; i++) {
            pieces[i] = in.readUTF();
        }
        byte[] rows = new byte[v * dims];
        in.readFully(rows);
        return new PieceTable(pieces, rows, scales, dims);
    }
}
