package io.candor.review.detect;

import io.candor.fault.Unwrapped;
import io.candor.meaning.Meaning;
import io.candor.meaning.SentenceEncoder;
import io.candor.review.AnalyzedDraft;
import io.candor.review.Words;
import io.candor.text.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * What says whether a reply engages with the message it answers: how close their meanings
 * are (sentence embeddings, so "the store opens at nine" is close to "when do you open?"
 * with no word in common), the content words, names and numbers they share and how rare
 * those are, a quote of the message, whether the message asked something, and the lengths.
 * Training and review compute them here, the same way.
 */
public final class ReplyFeatures {
    /** The features, in the order a reply model's weights follow. */
    public static final List<String> NAMES = List.of("meaning", "shared", "shared_rare", "nothing_shared", "reply_words",
            "message_words", "message_asks", "quotes", "reply_empty", "shared_share");
    private static final Pattern ADDRESSING = Pattern.compile("(?m)^\\s*(?:@[\\w.]+[\\s,:]*)+");
    private static final Pattern MASKS = Pattern.compile("(?i)@user|<url>|https?://\\S+|www\\.\\S+");

    private ReplyFeatures() {
    }

    public static double[] of(AnalyzedDraft reply, AnalyzedDraft message, Set<String> stopwords) {
        Set<String> rc = Words.content(reply, stopwords);
        Set<String> mc = Words.content(message, stopwords);
        Set<String> shared = Words.shared(rc, mc);
        int rare = 0;
        for (String s : shared) {
            rare += s.length() >= 6 ? 1 : 0;
        }
        CompletableFuture<float[]> theirs = theirs(message); // started first
        double meaning = SentenceEncoder.cosine(Meaning.of(forMeaning(reply.original())), Unwrapped.join(theirs));
        return new double[] {meaning, Math.min(shared.size(), 5), Math.min(rare, 3), shared.isEmpty() ? 1 : 0,
                Math.log1p(reply.words().size()), Math.log1p(message.words().size()),
                message.folded().contains("?") ? 1 : 0, quotes(reply, message) ? 1 : 0, rc.isEmpty() ? 1 : 0,
                (double) shared.size() / Math.max(1, Math.min(rc.size(), mc.size()))};
    }

    /**
     * The message's meaning, worked out beside the reply's where there is a second core (a reply
     * check then waits for one model run, not two); on one core in turn, on the caller's thread:
     * with one core, CompletableFuture would start a new thread for each message.
     */
    private static CompletableFuture<float[]> theirs(AnalyzedDraft message) {
        return Runtime.getRuntime().availableProcessors() > 1
                ? CompletableFuture.supplyAsync(() -> Meaning.of(forMeaning(message.original())))
                : CompletableFuture.completedFuture(Meaning.of(forMeaning(message.original())));
    }

    /** The words that carry meaning: without the handles it addresses, links and masked placeholders. */
    static String forMeaning(String text) {
        String t = MASKS.matcher(ADDRESSING.matcher(text).replaceAll(" ")).replaceAll(" ").replace('#', ' ')
                .replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? text : t;
    }

    /** A Reddit-style "> quote" or a quotation of four words or more of the message. */
    static boolean quotes(AnalyzedDraft reply, AnalyzedDraft message) {
        String r = reply.folded();
        if (r.startsWith(">") || r.contains("\n>")) {
            return true;
        }
        String m = " " + message.folded() + " ";
        List<Token> rw = reply.words();
        for (int i = 0; i + 4 <= rw.size(); i++) {
            String four = " " + rw.get(i).text() + " " + rw.get(i + 1).text() + " " + rw.get(i + 2).text() + " " + rw.get(i + 3).text() + " ";
            if (m.contains(four)) {
                return true;
            }
        }
        return false;
    }

}
