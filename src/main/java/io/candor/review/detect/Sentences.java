package io.candor.review.detect;

/** Where sentences begin and end in folded text, for rules that judge a sentence, not a draft. */
final class Sentences {
    private Sentences() {
    }

    /** True when the sentence holding this offset ends with a question mark. */
    static boolean inQuestion(String folded, int from) {
        for (int i = from; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '?') {
                return true;
            }
            if (c == '.' || c == '!' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** Start of the sentence holding offset {@code at}. */
    static int start(String folded, int at) {
        for (int i = Math.min(at, folded.length()) - 1; i >= 0; i--) {
            char c = folded.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    /** End of the sentence holding offset {@code at} (after its final mark, if any). */
    static int end(String folded, int at) {
        for (int i = Math.max(at, 0); i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                return i + 1;
            }
        }
        return folded.length();
    }
}
