package io.candor.meaning;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as the sentence model was trained with it: clean and
 * lower-case the text, strip accents, split on white space and punctuation, then cut each word
 * into the longest pieces the vocabulary knows ("unaffable" → "un", "##aff", "##able").
 * Read from the model's own tokenizer.json; written here because it is forty lines and a
 * tokenizer library would bring native code of its own.
 */
final class WordPiece {
    static final int CLS = 101;
    static final int SEP = 102;
    private static final int MAX_WORD = 100;
    private final Map<String, Integer> vocab;
    private final int unk;

    private WordPiece(Map<String, Integer> vocab) {
        this.vocab = vocab;
        this.unk = vocab.getOrDefault("[UNK]", 100);
    }

    static WordPiece fromTokenizerJson(JsonNode json) {
        JsonNode v = json.path("model").path("vocab");
        if (!v.isObject() || v.isEmpty()) {
            throw new IllegalArgumentException("tokenizer.json has no WordPiece vocabulary");
        }
        Map<String, Integer> vocab = new HashMap<>(v.size() * 2);
        v.properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        return new WordPiece(vocab);
    }

    /** Token ids with [CLS] and [SEP], at most {@code max} in all. */
    int[] encode(String text, int max) {
        List<Integer> ids = new ArrayList<>();
        ids.add(CLS);
        for (String word : words(text)) {
            if (ids.size() >= max - 1) {
                break;
            }
            pieces(word, ids);
        }
        List<Integer> kept = ids.size() > max - 1 ? ids.subList(0, max - 1) : ids;
        int[] out = new int[kept.size() + 1];
        for (int i = 0; i < kept.size(); i++) {
            out[i] = kept.get(i);
        }
        out[out.length - 1] = SEP;
        return out;
    }

    private void pieces(String word, List<Integer> ids) {
        if (word.length() > MAX_WORD) {
            ids.add(unk);
            return;
        }
        List<Integer> found = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer id = null;
            while (end > start) {
                String piece = (start > 0 ? "##" : "") + word.substring(start, end);
                id = vocab.get(piece);
                if (id != null) {
                    break;
                }
                end--;
            }
            if (id == null) {
                ids.add(unk);
                return;
            }
            found.add(id);
            start = end;
        }
        ids.addAll(found);
    }

    /** BertNormalizer and BertPreTokenizer: lower case, no accents, no control characters, punctuation alone. */
    static List<String> words(String text) {
        String s = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || cp == 0 || cp == 0xFFFD
                    || (type == Character.CONTROL || type == Character.FORMAT) && !Character.isWhitespace(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                flush(w, out);
            } else if (isPunctuation(cp) || isCjk(cp)) {
                flush(w, out);
                out.add(new String(Character.toChars(cp)));
            } else {
                w.appendCodePoint(cp);
            }
        }
        flush(w, out);
        return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() > 0) {
            out.add(w.toString());
            w.setLength(0);
        }
    }

    private static boolean isPunctuation(int cp) {
        if (cp >= 33 && cp <= 47 || cp >= 58 && cp <= 64 || cp >= 91 && cp <= 96 || cp >= 123 && cp <= 126) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION || t == Character.START_PUNCTUATION
                || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x20000 && cp <= 0x2A6DF
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0x2F800 && cp <= 0x2FA1F;
    }
}
