package io.candor.review;

import io.candor.platform.Platform;
import io.candor.text.NormalizedText;
import io.candor.text.Span;
import io.candor.text.TextNormalizer;
import io.candor.text.Token;
import io.candor.text.Tokenizer;
import java.util.List;
import java.util.Optional;

/**
 * A draft with the work every detector needs done once: the folded text, its tokens and,
 * for a reply, the same analysis of the message it answers.
 */
public final class AnalyzedDraft {
    private final Draft draft;
    private final NormalizedText text;
    private final List<Token> tokens;
    private final AnalyzedDraft replyTo;
    private final java.util.Map<Token.Kind, List<Token>> byKind = new java.util.EnumMap<>(Token.Kind.class);
    /** What the phrase sets found here: every set's first words are looked up in one pass, and a set several detectors share is searched once. */
    private PhraseIndex.Scan phrases;

    private AnalyzedDraft(Draft draft, String text, AnalyzedDraft replyTo) {
        this.draft = draft;
        this.text = TextNormalizer.normalize(text);
        this.tokens = Tokenizer.tokenize(this.text.folded());
        this.replyTo = replyTo;
    }

    public static AnalyzedDraft of(Draft d) {
        AnalyzedDraft reply = d.replyTo().map(r -> new AnalyzedDraft(Draft.of(r), r, null)).orElse(null);
        return new AnalyzedDraft(d, d.text(), reply);
    }

    /** The same, read with its conversation: what the message asked decides what some rules say. */
    public static AnalyzedDraft of(Draft d, Conversation conversation) {
        AnalyzedDraft a = of(d);
        a.conversation = conversation;
        return a;
    }

    private int addressed = -1;

    /**
     * Where the handles a draft opens with end (folded offsets; 0 when it opens with words):
     * "@sam @lee thanks!" addresses Sam and Lee. Those handles name who is spoken to, never
     * whom the writer credits or sends people to.
     */
    public int addressingEnd() {
        if (addressed < 0) {
            int end = 0;
            for (Token t : tokens) {
                if (t.is(Token.Kind.HANDLE)) {
                    end = t.end();
                } else if (!t.is(Token.Kind.PUNCT)) {
                    break;
                }
            }
            addressed = end;
        }
        return addressed;
    }

    /** The handles the draft opens with (folded, with "@"), the people it speaks to. */
    public List<Token> addressees() {
        int end = addressingEnd();
        return of(Token.Kind.HANDLE).stream().filter(t -> t.end() <= end).toList();
    }

    private Conversation conversation;
    private Exchange exchange;

    /** What the message this draft answers asked for, and whether the draft gives service; NONE for a post. */
    public Exchange exchange() {
        if (exchange == null) {
            exchange = conversation == null ? Exchange.NONE : conversation.read(this);
        }
        return exchange;
    }

    public Draft draft() {
        return draft;
    }

    public String original() {
        return text.original();
    }

    public String folded() {
        return text.folded();
    }

    public NormalizedText normalized() {
        return text;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public Optional<AnalyzedDraft> replyTo() {
        return Optional.ofNullable(replyTo);
    }

    public List<Platform> platforms() {
        return draft.platforms();
    }

    /** The original span of folded range [s, e). */
    public Span span(int s, int e) {
        return text.toOriginal(s, e);
    }

    public Span span(Token t) {
        return text.toOriginal(t.start(), t.end());
    }

    public Span whole() {
        return text.length() == 0 ? new Span(0, draft.text().length()) : text.toOriginal(0, text.length());
    }

    public List<Token> words() {
        return tokens.stream().filter(t -> t.is(Token.Kind.WORD) || t.is(Token.Kind.NUMBER)).toList();
    }

    /** The phrase scan of this draft, made on first use and again if the set was built after it. */
    PhraseIndex.Scan phrases(int set) {
        if (phrases == null || !phrases.covers(set)) {
            phrases = PhraseIndex.current().scan(folded(), wordStarts());
        }
        return phrases;
    }

    private boolean[] echoes;
    private int[] wordStarts;

    /** Where a phrase may start, in text order: the same for every rule's phrases, so found once a draft. */
    int[] wordStarts() {
        if (wordStarts == null) {
            wordStarts = PhraseSet.wordStarts(folded(), tokens, echoes());
        }
        return wordStarts;
    }

    /** Longest repeating unit, in tokens, that counts as a run ("i made $1 i made $1 …" is four). */
    private static final int MAX_PERIOD = 8;

    /**
     * For each token, whether it repeats the tokens just before it (a run like "1 1 1 1…" or
     * "$$$$…", a unit of up to eight tokens): matching is not tried inside such a run, where it could
     * only find again what it found at the run's start. No human sentence has such runs, and a
     * 40,000-character draft of one symbol costs what a sentence costs.
     */
    public boolean[] echoes() {
        if (echoes == null) {
            int n = tokens.size();
            boolean[] e = new boolean[n];
            for (int i = 0; i < n; i++) {
                for (int p = 1; p <= MAX_PERIOD && !e[i]; p++) {
                    e[i] = repeats(i, p);
                }
            }
            echoes = e;
        }
        return echoes;
    }

    /** Tokens i-2p .. i+p-1 repeat with period p (three periods seen, the token is in the middle of a run). */
    private boolean repeats(int i, int p) {
        int from = i - 2 * p;
        int to = i + p;
        if (from < 0 || to > tokens.size()) {
            return false;
        }
        for (int k = from + p; k < to; k++) {
            if (!tokens.get(k).text().equals(tokens.get(k - p).text())) {
                return false;
            }
        }
        return true;
    }

    /** The tokens of one kind, in order (computed once: many detectors ask for the links). */
    public List<Token> of(Token.Kind kind) {
        List<Token> cached = byKind.get(kind);
        if (cached == null) {
            cached = tokens.stream().filter(t -> t.is(kind)).toList();
            byKind.put(kind, cached);
        }
        return cached;
    }
}
