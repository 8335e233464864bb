package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import io.candor.learn.TextFeatures;
import io.candor.meaning.PieceTable;
import io.candor.review.AnalyzedDraft;
import io.candor.review.RuleSpec;
import io.candor.text.Token;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the learned pitch model sees in a draft: the concept cues of the rules it learns from,
 * when its rule says so the words themselves, and when it names a piece table the draft's
 * meaning (the mean of its word pieces' rows, distilled from the shipped sentence model), one
 * measured feature per direction. Training and review build features the same way through
 * this class, so the shipped model always reads what it was trained on.
 */
public final class PitchFeatures {
    private final ConceptCues cues;
    private final boolean words;
    private final int bits;
    private final PieceTable meaning;
    private final float meaningWeight;
    private final int[] meaningHashes;

    PitchFeatures(ConceptCues cues, boolean words, int bits, PieceTable meaning, double meaningWeight) {
        this.cues = cues;
        this.words = words;
        this.bits = bits;
        this.meaning = meaning;
        this.meaningWeight = (float) meaningWeight;
        this.meaningHashes = new int[meaning == null ? 0 : meaning.dims()];
        for (int k = 0; k < meaningHashes.length; k++) {
            meaningHashes[k] = TextFeatures.nameHash("meaning:" + k);
        }
    }

    /** The features of the catalogue's learned rule ({@code detector: learned}), for a model of {@code 2^bits} slots. */
    public static PitchFeatures of(List<RuleSpec> catalogue, DataFiles files, int bits) {
        RuleSpec learned = catalogue.stream().filter(s -> s.detector().equals("learned")).findFirst()
                .orElseThrow(() -> new ConfigException("no rule with detector: learned in the catalogue"));
        LearnedDetector.Settings s = learned.settings(LearnedDetector.Settings.class);
        return new PitchFeatures(new ConceptCues(catalogue, s.cuesFrom(), learned.where()), s.words(), bits,
                table(s, files, learned.where()), s.meaningWeight());
    }

    /** The piece table a learned rule names ({@code meaning:}), or null when it names none. */
    static PieceTable table(LearnedDetector.Settings s, DataFiles files, String where) {
        if (s.meaning() == null) {
            return null;
        }
        byte[] bytes = files.readBytes(s.meaning()).orElseThrow(() -> new ConfigException(where
                + ": meaning file " + s.meaning() + " not found"));
        try {
            return PieceTable.fromBytes(bytes);
        } catch (IOException e) {
            throw new ConfigException(files.describe(s.meaning()) + " is not a usable piece table: " + e.getMessage(), e);
        }
    }

    public TextFeatures.Vector of(AnalyzedDraft d) {
        TextFeatures.Builder b = TextFeatures.builder(bits, d.tokens().size());
        if (words) {
            b.words(d.tokens(), d.echoes());
        }
        cues.addTo(d, b);
        if (meaning != null) {
            float[] m = meaning.meaning(words(d.tokens()));
            for (int k = 0; k < m.length; k++) {
                b.measured(meaningHashes[k], m[k] * meaningWeight);
            }
        }
        return b.build();
    }

    /** The draft's words as the sentence model splits them: letters and digits, apostrophes and dashes apart. */
    private static List<String> words(List<Token> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (!t.is(Token.Kind.WORD)) {
                continue;
            }
            String w = t.text();
            int start = -1;
            for (int i = 0; i <= w.length(); i++) {
                boolean part = i < w.length() && Character.isLetterOrDigit(w.charAt(i));
                if (part && start < 0) {
                    start = i;
                } else if (!part && start >= 0) {
                    out.add(start == 0 && i == w.length() ? w : w.substring(start, i));
                    start = -1;
                }
            }
        }
        return out;
    }

    public int bits() {
        return bits;
    }
}
