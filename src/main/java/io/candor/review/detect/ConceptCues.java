package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.learn.TextFeatures;
import io.candor.review.AnalyzedDraft;
import io.candor.review.PhraseSet;
import io.candor.review.RuleSpec;
import io.candor.text.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The evidence the learned pitch model weighs besides the words themselves: every concept
 * the pitch rules know (each signal of a signals rule, each phrase rule, a push, a promoted
 * link, urgency), whether or not the rule fired, and the shape of the text (links, later
 * handles, phone numbers, money, capitals, "!", who it talks to). A model over concepts
 * carries from one platform to another where a model over words learns one site's slang.
 */
public final class ConceptCues {
    private static final java.util.Set<String> SECOND = java.util.Set.of("you", "your", "you're", "youre", "u", "ur", "yours", "y'all");
    private static final java.util.Set<String> FIRST = java.util.Set.of("i", "i'm", "im", "my", "me", "mine", "i've", "i'll");
    private static final java.util.Set<String> WE = java.util.Set.of("we", "our", "us", "we're", "we've", "ours");
    /** Hashes of the names of the shape features, worked out once: a review adds dozens of them. */
    private static final Map<String, Integer> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

    private static int shape(String name) {
        return SHAPES.computeIfAbsent(name, TextFeatures::nameHash);
    }

    private final Map<String, PhraseSet> cues = new LinkedHashMap<>();
    private final Map<String, Pattern> linkCues = new LinkedHashMap<>();
    private final Map<String, Integer> hashes = new java.util.HashMap<>();

    /** Cues from these rules of the catalogue, in order. */
    public ConceptCues(List<RuleSpec> catalogue, List<String> ruleIds, String where) {
        for (String id : ruleIds) {
            RuleSpec spec = catalogue.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                    new ConfigException(where + ": key 'cues_from' names an unknown rule '" + id + "'"));
            switch (spec.detector()) {
                case "signals" -> spec.settings(SignalsDetector.Settings.class).signals().forEach((name, patterns) -> {
                    List<String> text = patterns.stream().filter(p -> !p.startsWith("<")).toList();
                    put(id + "/" + name, spec.phrases("signals." + name, text));
                });
                case "phrases" -> {
                    PhraseDetector.Settings s = spec.settings(PhraseDetector.Settings.class);
                    put(id, spec.phrases("patterns", s.phrases(), s.patterns()));
                }
                case "link-drop" -> {
                    LinkDropDetector.Settings s = spec.settings(LinkDropDetector.Settings.class);
                    put(id + "/push", spec.phrases("push_patterns", s.pushPatterns()));
                    Pattern hosts = spec.rawPattern("promo_host_patterns", s.promoHostPatterns());
                    if (hosts != null) {
                        linkCues.put(id + "/promo", hosts);
                        hashes.put(id + "/promo", TextFeatures.nameHash("cue:" + id + "/promo"));
                    }
                }
                case "hype" -> put(id + "/urgency", spec.phrases("urgency_patterns",
                        spec.settings(HypeDetector.Settings.class).urgencyPatterns()));
                case "unasked-offer" -> put(id + "/offer", spec.phrases("offer_patterns",
                        spec.settings(UnaskedOfferDetector.Settings.class).offerPatterns()));
                default -> throw new ConfigException(where + ": key 'cues_from': rule " + id + " ("
                        + spec.detector() + ") has no concepts to learn from");
            }
        }
    }

    private void put(String name, PhraseSet set) {
        if (set != null) {
            cues.put(name, set);
            hashes.put(name, TextFeatures.nameHash("cue:" + name));
        }
    }

    /** Adds the cues found in a draft, each at the tokens where it was seen. */
    public void addTo(AnalyzedDraft d, TextFeatures.Builder b) {
        List<Token> tokens = d.tokens();
        for (Map.Entry<String, PhraseSet> e : cues.entrySet()) {
            List<int[]> found = e.getValue().findAll(d, 1);
            if (!found.isEmpty()) {
                b.named(hashes.get(e.getKey()), tokenAt(tokens, found.get(0)[0]), tokenAt(tokens, found.get(0)[1] - 1));
            }
        }
        shape(d, b);
    }

    private void shape(AnalyzedDraft d, TextFeatures.Builder b) {
        List<Token> tokens = d.tokens();
        int links = 0;
        int hashtags = 0;
        int emoji = 0;
        int words = 0;
        int bangs = 0;
        int second = 0;
        int first = 0;
        int we = 0;
        boolean laterHandle = false;
        boolean leadingHandle = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case LINK -> {
                    links++;
                    if (links <= Links.EXAMINED) { // as the link rules: a draft's first links say what they are like
                        for (Map.Entry<String, Pattern> c : linkCues.entrySet()) {
                            if (c.getValue().matcher(Links.head(t.text())).find()) {
                                b.named(hashes.get(c.getKey()), i, i);
                            }
                        }
                    }
                }
                case HANDLE -> {
                    if (words > 0) {
                        if (!laterHandle) {
                            b.named(shape("shape:handle-later"), i, i);
                        }
                        laterHandle = true;
                    } else {
                        leadingHandle = true;
                    }
                }
                case HASHTAG -> hashtags++;
                case EMOJI -> emoji++;
                case NUMBER -> {
                    int digits = (int) t.text().chars().filter(Character::isDigit).count();
                    if (digits >= 10) {
                        b.named(shape("shape:phone"), i, i);
                    } else if (digits >= 4 && digits <= 6 && !t.text().contains(".") && !t.text().contains(",")) {
                        b.named(shape("shape:code-number"), i, i);
                    }
                }
                case PUNCT -> {
                    switch (t.text()) {
                        case "!" -> bangs++;
                        case "$", "£", "€" -> b.named(shape("shape:money"), i, i);
                        case "%" -> b.named(shape("shape:percent"), i, i);
                        case "?" -> b.named(shape("shape:question"), -1, -1);
                        default -> {
                        }
                    }
                }
                case WORD -> {
                    words++;
                    String w = t.text();
                    if (SECOND.contains(w)) {
                        second++;
                    } else if (FIRST.contains(w)) {
                        first++;
                    } else if (WE.contains(w)) {
                        we++;
                    }
                }
            }
        }
        b.named(shape("shape:links=" + Math.min(links, 2)), -1, -1);
        b.named(shape("shape:hashtags=" + (hashtags == 0 ? 0 : hashtags <= 2 ? 1 : 2)), -1, -1);
        b.named(shape("shape:emoji=" + (emoji == 0 ? 0 : emoji <= 2 ? 1 : 2)), -1, -1);
        b.named(shape("shape:bangs=" + Math.min(bangs, 3)), -1, -1);
        b.named(shape("shape:you=" + Math.min(second, 2)), -1, -1);
        b.named(shape("shape:i=" + Math.min(first, 2)), -1, -1);
        b.named(shape("shape:we=" + Math.min(we, 2)), -1, -1);
        b.named(shape("shape:words=" + (words <= 3 ? 0 : words <= 8 ? 1 : words <= 20 ? 2 : words <= 50 ? 3 : 4)), -1, -1);
        if (leadingHandle) {
            b.named(shape("shape:addresses-someone"), -1, -1);
        }
        b.named(shape("shape:capitals=" + capitals(d.original())), -1, -1);
        b.named(shape("shape:bias"), -1, -1);
    }

    /** How much of the text is in capital letters: 0 little, 1 some, 2 most. */
    private static int capitals(String s) {
        Capitals c = Capitals.of(s);
        if (c.letters() < 8) {
            return 0;
        }
        return c.share() > 0.6 ? 2 : c.share() > 0.2 ? 1 : 0;
    }

    /** Index of the token holding folded offset {@code at} (or the last before it). */
    static int tokenAt(List<Token> tokens, int at) {
        int lo = 0;
        int hi = tokens.size() - 1;
        int best = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() <= at) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** The names of every concept cue, for reports. */
    public List<String> names() {
        List<String> out = new ArrayList<>(cues.keySet());
        out.addAll(linkCues.keySet());
        return out;
    }
}
