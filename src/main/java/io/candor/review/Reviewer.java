package io.candor.review;

import io.candor.config.CandorConfig;
import io.candor.fault.Unwrapped;
import io.candor.prompts.Prompts;
import io.candor.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every enabled rule over a draft and turns what they find into a {@link Review}.
 * Built once from settings; thread-safe; holds no per-draft state.
 */
public final class Reviewer implements DraftReviewer {
    private final List<Rule> rules;
    private final List<Detector> detectors;
    private final Prompts prompts;
    private final StrengthSpotter strengths;
    private final LanguageGuess languages;
    private final Conversation conversation;
    private final Pattern accepted;
    private final ReviewSettings settings;
    private final Set<String> fallbacks = new HashSet<>();
    private final Map<String, List<String>> yieldsTo = new HashMap<>();

    public Reviewer(CandorConfig config) {
        this.settings = config.section("review", ReviewSettings.class);
        this.prompts = new Prompts(config.prompts());
        this.rules = new ArrayList<>();
        this.detectors = new ArrayList<>();
        List<RuleSpec> catalogue = RuleCatalog.load(config.rules(), settings);
        for (RuleSpec spec : catalogue) {
            Rule rule = new Rule(spec, prompts);
            rule.validate();
            if (spec.fallback()) {
                fallbacks.add(spec.id());
            }
            if (!spec.yieldsTo().isEmpty()) {
                yieldsTo.put(spec.id(), spec.yieldsTo());
            }
            if (spec.enabled()) {
                rules.add(rule);
            }
        }
        // compiling the patterns is most of start-up: on every core, in the catalogue's order
        DetectorFactory kinds = DetectorFactory.installed();
        try {
            detectors.addAll(rules.parallelStream().map(r -> kinds.create(r, config.rules(), catalogue)).toList());
        } catch (java.util.concurrent.CompletionException e) {
            throw Unwrapped.cause(e);
        }
        this.strengths = new StrengthSpotter(config.rules(), prompts);
        this.languages = new LanguageGuess(config.rules());
        this.conversation = new Conversation(config.rules());
        List<String> words = settings.acceptedWords().stream().map(TextNormalizer::fold)
                .filter(w -> !w.isBlank()).map(w -> Phrases.toRegex(w)).toList();
        this.accepted = words.isEmpty() ? null : Pattern.compile(String.join("|", words));
    }

    public static Reviewer withDefaults() {
        return new Reviewer(CandorConfig.defaults());
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    public Prompts prompts() {
        return prompts;
    }

    public ReviewSettings settings() {
        return settings;
    }

    public LanguageGuess languages() {
        return languages;
    }

    public Conversation conversation() {
        return conversation;
    }

    @Override
    public Review review(Draft draft, Collection<String> muted) {
        List<ThreadParts.Part> parts = ThreadParts.split(draft.text(), draft.thread());
        if (parts.size() > 1) {
            return reviewThread(draft, parts, muted);
        }
        AnalyzedDraft d = AnalyzedDraft.of(draft, conversation);
        List<Finding> found = findings(d, muted);
        Verdict v = Verdict.of(found);
        Optional<String> foreign = languages.foreign(d);
        if (foreign.isPresent()) {
            // never a clean bill for words Candor cannot read
            Map<String, Object> vars = Map.of("language", foreign.get(), "script", foreign.get().equals(LanguageGuess.OTHER_SCRIPT));
            String verdict = v == Verdict.READY ? prompts.render("review:verdict.unread", vars) : verdictText(v);
            return new Review(draft, v, verdict, strengths.spot(d, found), found, List.of(prompts.render("review:note.language", vars)));
        }
        return new Review(draft, v, verdictText(v), strengths.spot(d, found), found, List.of());
    }

    /**
     * A thread reviewed part by part: each part on its own (length limits, bare links), the
     * findings pointing into the whole text and saying which part they are about.
     */
    private Review reviewThread(Draft draft, List<ThreadParts.Part> parts, Collection<String> muted) {
        List<Finding> all = new ArrayList<>();
        List<Strength> good = new ArrayList<>();
        List<Finding> whole = null;
        for (ThreadParts.Part part : parts) {
            Draft p = draft.withText(part.of(draft.text()));
            Review r = review(p, muted);
            for (Finding f : r.findings()) {
                if (part.number() > 1 && WHOLE_DRAFT_RULES.contains(f.rule())) {
                    continue; // said once, about the thread
                }
                if (THREAD_CONTEXT_RULES.contains(f.rule())) {
                    if (whole == null) {
                        whole = findings(AnalyzedDraft.of(draft.withText(draft.text())), muted);
                    }
                    int at = f.start() + part.start();
                    if (whole.stream().noneMatch(w -> w.rule().equals(f.rule()) && w.start() == at)) {
                        continue; // "Full write-up: <link>" at the end: the thread around it is its context
                    }
                }
                Map<String, Object> vars = Map.of("n", part.number(), "total", parts.size());
                all.add(new Finding(f.rule(), f.category(), f.severity(), f.start() + part.start(), f.end() + part.start(),
                        prompts.render("review:thread.part", vars) + " " + f.message(), f.question()));
            }
            for (Strength s : r.strengths()) {
                if (good.stream().noneMatch(g -> g.id().equals(s.id()))) {
                    good.add(s);
                }
            }
        }
        all.sort(Review.ORDER);
        Verdict v = Verdict.of(all);
        return new Review(draft, v, verdictText(v), good, all,
                List.of(prompts.render("review:thread.note", Map.of("total", parts.size()))));
    }

    /** Rules about the draft as a whole (where it goes), not about any part of it. */
    private static final Set<String> WHOLE_DRAFT_RULES = Set.of("broadcast.same-text-everywhere");

    /** Rules whose finding in a part stands only when the whole thread, read as one text, has it too. */
    private static final Set<String> THREAD_CONTEXT_RULES = Set.of("context.bare-link");

    private List<Finding> findings(AnalyzedDraft d, Collection<String> muted) {
        Draft draft = d.draft();
        List<Finding> found = new ArrayList<>();
        DraftKind kind = draft.kind();
        for (int i = 0; i < detectors.size(); i++) {
            Rule rule = rules.get(i);
            if (!rule.spec().appliesTo().contains(kind) || !muted.isEmpty() && muted.contains(rule.id())) {
                continue;
            }
            if (!rule.spec().answersWhen().isEmpty() && d.exchange().answers(rule.spec().answersWhen())) {
                continue; // what they asked for: naming your channel to "where can I watch?" is the answer
            }
            for (Finding f : detectors.get(i).detect(d)) {
                if (!sameRuleSameSpan(found, f)) {
                    found.add(f);
                }
            }
        }
        if (!fallbacks.isEmpty() && !found.isEmpty()) {
            found = withoutRedundantFallbacks(found);
        }
        if (!yieldsTo.isEmpty() && found.size() > 1) {
            found = withoutYielded(found);
        }
        if (accepted != null && !found.isEmpty()) {
            found = withoutAccepted(d, found);
        }
        found.sort(Review.ORDER);
        return found;
    }

    /** One finding per rule per span: a rule that sees the same words twice says so once. */
    private static boolean sameRuleSameSpan(List<Finding> found, Finding f) {
        for (Finding o : found) {
            if (o.rule().equals(f.rule()) && o.start() == f.start() && o.end() == f.end()) {
                return true;
            }
        }
        return false;
    }

    public String verdictText(Verdict v) {
        return prompts.render("review:verdict." + v.id());
    }

    /**
     * A rule marked {@code fallback: true} (the learned model) speaks only when no other
     * rule of its category did: one finding that names the pattern beats two about it.
     */
    private List<Finding> withoutRedundantFallbacks(List<Finding> found) {
        List<Finding> out = new ArrayList<>(found.size());
        for (Finding f : found) {
            boolean fallback = fallbacks.contains(f.rule());
            if (!fallback || found.stream().noneMatch(o -> o.category() == f.category() && !fallbacks.contains(o.rule()))) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * A rule with {@code yields_to: [other.rule]} leaves out its finding when that other rule
     * found the same words, or words overlapping them: one finding about a link is enough.
     */
    private List<Finding> withoutYielded(List<Finding> found) {
        List<Finding> out = new ArrayList<>(found.size());
        for (Finding f : found) {
            List<String> stronger = yieldsTo.get(f.rule());
            boolean yielded = stronger != null && found.stream().anyMatch(o -> stronger.contains(o.rule())
                    && o.start() < Math.max(f.end(), f.start() + 1) && f.start() < Math.max(o.end(), o.start() + 1));
            if (!yielded) {
                out.add(f);
            }
        }
        return out;
    }

    /** Drops findings that quote only a team's accepted word (a brand, a product name). */
    private List<Finding> withoutAccepted(AnalyzedDraft d, List<Finding> found) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = accepted.matcher(d.folded());
        while (m.find()) {
            var s = d.span(m.start(), m.end());
            spans.add(new int[] {s.start(), s.end()});
        }
        if (spans.isEmpty()) {
            return found;
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : found) {
            boolean inside = spans.stream().anyMatch(s -> f.start() >= s[0] && f.end() <= s[1] && f.end() > f.start());
            if (!inside) {
                out.add(f);
            }
        }
        return out;
    }
}
