package io.candor.review;

import io.candor.prompts.Prompts;
import io.candor.text.Span;
import java.util.HashMap;
import java.util.Map;

/**
 * A rule ready to report: its spec, plus its message and question templates from
 * {@code prompts/findings.yaml}. Detectors call {@link #at} to make a finding; the
 * template gets {@code quote} (the words at the span) and whatever the detector adds.
 */
public final class Rule {
    private static final int QUOTE_MAX = 80;
    private final RuleSpec spec;
    private final Prompts prompts;

    public Rule(RuleSpec spec, Prompts prompts) {
        this.spec = spec;
        this.prompts = prompts;
    }

    public RuleSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    public Finding at(AnalyzedDraft d, Span span) {
        return at(d, span, Map.of());
    }

    /** A finding at a severity the detector chose (a weaker signal asks instead of warning). */
    public Finding at(AnalyzedDraft d, Span span, Map<String, ?> vars, Severity severity) {
        Finding f = at(d, span, vars);
        return new Finding(f.rule(), f.category(), severity, f.start(), f.end(), f.message(), f.question());
    }

    public Finding at(AnalyzedDraft d, Span span, Map<String, ?> vars) {
        Map<String, Object> all = new HashMap<>(vars);
        all.putIfAbsent("quote", quote(span.of(d.original())));
        // templates word a finding for what the draft is: {{#conversation}}…{{/conversation}}
        DraftKind kind = d.draft().kind();
        all.putIfAbsent("post", kind == DraftKind.POST);
        all.putIfAbsent("reply", kind == DraftKind.REPLY);
        all.putIfAbsent("comment", kind == DraftKind.COMMENT);
        all.putIfAbsent("conversation", kind.inConversation());
        Severity severity = spec.severity(kind);
        return new Finding(spec.id(), spec.category(), severity == null ? spec.severity() : severity, span.start(), span.end(),
                prompts.render("findings:" + spec.id() + ".message", all),
                prompts.render("findings:" + spec.id() + ".question", all));
    }

    /** The words a message quotes: white space folded, long quotes cut in the middle, between words. */
    public static String quote(String s) {
        String q = s.strip().replaceAll("\\s+", " ");
        if (q.codePointCount(0, q.length()) <= QUOTE_MAX) {
            return q;
        }
        int head = q.offsetByCodePoints(0, QUOTE_MAX / 2 - 1);
        int tail = q.offsetByCodePoints(q.length(), -(QUOTE_MAX / 2 - 2));
        return q.substring(0, io.candor.text.Clip.wordEnd(q, head)).strip() + " … "
                + q.substring(io.candor.text.Clip.wordStart(q, tail)).strip();
    }

    /** Checks at load time that both templates exist and render with a quote. */
    void validate() {
        for (String part : new String[] {"message", "question"}) {
            String key = "findings:" + spec.id() + "." + part;
            if (!prompts.has(key)) {
                throw new io.candor.config.ConfigException("rule " + spec.id() + " (" + spec.file()
                        + ") has no prompt " + key.replace("findings:", "prompts/findings.yaml: "));
            }
        }
    }
}
