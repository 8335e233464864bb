package io.candor.history;

import io.candor.review.Category;
import io.candor.review.Draft;
import io.candor.review.DraftReviewer;
import io.candor.review.Finding;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.review.Review;
import io.candor.review.Reviewer;
import io.candor.store.StoreUnavailableException;
import io.candor.text.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule reviewer plus memory: reviews the draft with the rules, compares it with the
 * team's history (near-copies, the same text for another platform, a stream of identical
 * thank-yous), then remembers it unless told not to. When the database cannot be used the
 * review still runs and carries a note saying so. Thread-safe.
 */
public final class HistoryReviewer implements DraftReviewer {
    /** Estimated Jaccard similarity from which two texts are taken to be the same text. */
    private static final double SAME_TEXT = 0.95;
    private static final double WHOLE = io.candor.similar.LshIndex.WHOLE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private final Reviewer rules;
    private final History history;
    private final HistoryRules historyRules;
    private final Prompts prompts;
    private final Clock clock;
    private final boolean remember;
    private final Set<String> thanksWords = new HashSet<>();
    private final ReviewLog log;

    public HistoryReviewer(Reviewer rules, History history, HistoryRules historyRules, Clock clock, boolean remember) {
        this(rules, history, historyRules, clock, remember, null);
    }

    private HistoryReviewer(Reviewer rules, History history, HistoryRules historyRules, Clock clock, boolean remember,
                            ReviewLog log) {
        this.log = log;
        this.rules = rules;
        this.history = history;
        this.historyRules = historyRules;
        this.prompts = rules.prompts();
        this.clock = clock;
        this.remember = remember;
        for (String w : history.settings().thanksWords()) {
            thanksWords.add(io.candor.text.TextNormalizer.fold(w).strip());
        }
    }

    public History history() {
        return history;
    }

    /** This reviewer, also telling {@code log} about each review it remembers (team stats). */
    public HistoryReviewer recording(ReviewLog to) {
        return new HistoryReviewer(rules, history, historyRules, clock, remember, to);
    }

    @Override
    public Review review(Draft draft, Collection<String> muted) {
        Review r = rules.review(draft, muted);
        Optional<String> down = history.problem();
        if (down.isPresent()) {
            return r.with(List.of(), List.of(prompts.render("history:note.unavailable", Map.of("why", down.get()))),
                    rules::verdictText);
        }
        if (!remember && history.indexed() == 0) {
            return r; // nothing to compare with and nothing to remember: no sketch to make
        }
        List<Finding> found = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Sketch s = history.sketch(draft.text());
        boolean firstLook = log == null || !remember || isFirstLook(draft, s);
        try {
            if (!s.isEmpty()) {
                found.addAll(compare(draft, s, muted));
            }
            if (remember) {
                history.remember(draft, s);
            }
        } catch (StoreUnavailableException e) {
            notes.add(prompts.render("history:note.not-remembered", Map.of("why", e.getMessage())));
        }
        Review out = found.isEmpty() && notes.isEmpty() ? r : r.with(found, notes, rules::verdictText);
        if (log != null && remember && notes.isEmpty()) {
            try {
                log.reviewed(draft, out, firstLook);
            } catch (StoreUnavailableException e) {
                out = out.with(List.of(), List.of(prompts.render("history:note.not-remembered",
                        Map.of("why", e.getMessage()))), rules::verdictText);
            }
        }
        return out;
    }

    /** How far back an earlier version of the same draft by the same writer makes this one an edit, for stats. */
    static final Duration FIRST_LOOK_WINDOW = Duration.ofHours(24);

    /** No near-copy by the same writer within a day: a new draft, not an edit asked again. */
    private boolean isFirstLook(Draft draft, Sketch s) {
        if (s.isEmpty() || draft.author().isBlank()) {
            return true;
        }
        Instant since = clock.instant().minus(FIRST_LOOK_WINDOW);
        return history.similar(s, draft.team(), since, 16).stream().noneMatch(e -> draft.author().equals(e.author()));
    }

    private List<Finding> compare(Draft draft, Sketch s, Collection<String> muted) {
        Instant now = clock.instant();
        HistorySettings cfg = history.settings();
        Optional<HistoryRules.Rule> thanks = rule(HistoryRules.THANKS_STREAM, muted);
        if (thanks.isPresent() && isThanks(s)) {
            Instant since = now.minus(Duration.ofHours(cfg.thanksWindowHours()));
            List<Earlier> same = new ArrayList<>();
            for (Earlier e : history.nearCopies(s, draft.team(), since, cfg.thanksCount() + 8)) {
                if (!(isOwnDraft(draft, e) && e.similarity() >= SAME_TEXT)) { // the same thank-you reviewed again
                    same.add(e);
                }
            }
            if (same.size() + 1 >= cfg.thanksCount()) {
                Map<String, Object> vars = new HashMap<>();
                vars.put("count", same.size() + 1);
                vars.put("hours", cfg.thanksWindowHours());
                vars.put("quote", opening(same.get(0)));
                return List.of(finding(thanks.get(), draft, vars, null, null));
            }
            return List.of(); // a thank-you is short by nature: not a repeat in itself
        }
        if (s.words().size() < cfg.minWords()) {
            return List.of();
        }
        List<Earlier> earlier = history.similar(s, draft.team(), cfg.signatureCutoff(now), 32);
        if (earlier.isEmpty()) {
            return List.of();
        }
        Optional<Finding> template = template(draft, earlier, muted);
        if (template.isPresent()) {
            return List.of(template.get());
        }
        Earlier best = null;
        for (Earlier e : earlier) {
            if (isReReview(draft, e)) {
                continue;
            }
            if (best == null || e.posted() && !best.posted()) {
                best = e;
            }
            if (best.posted()) {
                break; // what was published matters more than what was only reviewed
            }
        }
        if (best == null) {
            return List.of();
        }
        boolean otherPlatform = !draft.platforms().isEmpty() && !best.platforms().isEmpty()
                && !Set.copyOf(best.platforms()).equals(Set.copyOf(draft.platforms()))
                && best.postedAt().isAfter(now.minus(Duration.ofDays(cfg.crossPlatformDays())));
        Optional<HistoryRules.Rule> rule = rule(otherPlatform ? HistoryRules.CROSS_PLATFORM : HistoryRules.REPEAT, muted);
        if (rule.isEmpty()) {
            return List.of();
        }
        boolean own = isOwn(draft, best);
        Map<String, Object> vars = new HashMap<>();
        vars.put("when", when(best.postedAt(), now));
        vars.put("platforms", best.platforms().isEmpty() ? false : names(best.platforms()));
        vars.put("author", own || best.author().isBlank() ? false : best.author());
        Span passage = null;
        if (best.adapted()) {
            Optional<SharedPassage.Found> shared = history.body(best.id()).flatMap(b -> SharedPassage.between(draft.text(), b));
            if (shared.isPresent() && shared.get().words() >= cfg.minWords()) {
                passage = shared.get().inDraft();
                vars.put("quote", clip(history.body(best.id()).map(b -> shared.get().inEarlier().of(b)).orElse("")));
            } else {
                vars.put("quote", false);
            }
            String what = best.containment() < WHOLE ? "partly" : best.pairs() > s.fingerprint().pairs() ? "longer" : "shorter";
            vars.put("what", prompts.render("history:what." + what));
        } else {
            vars.put("quote", opening(best));
            vars.put("what", prompts.render("history:what.copy"));
        }
        String form = (best.posted() ? "posted" : "reviewed") + (own ? "-own" : "");
        return List.of(finding(rule.get(), draft, vars, form, passage));
    }

    /**
     * The same reply gone to other people: earlier texts this one copies that were written for
     * another conversation (another message answered, other people addressed), whoever wrote
     * them. The finding says how many people got it and when the last one did. A draft that
     * says nothing of its conversation, or earlier texts that do not, are never a template.
     */
    private Optional<Finding> template(Draft draft, List<Earlier> earlier, Collection<String> muted) {
        ConversationKey mine = ConversationKey.of(draft);
        Optional<HistoryRules.Rule> rule = rule(HistoryRules.TEMPLATE, muted);
        if (mine.isEmpty() || rule.isEmpty()) {
            return Optional.empty();
        }
        // only posts kept with a conversation have one to read: the others are NONE without asking
        Map<Long, ConversationKey> keys = history.conversations(earlier.stream().filter(Earlier::conversation)
                .map(Earlier::id).toList());
        List<ConversationKey> people = new ArrayList<>();
        Earlier latest = null;
        boolean allOwn = true;
        for (Earlier e : earlier) {
            ConversationKey k = keys.getOrDefault(e.id(), ConversationKey.NONE);
            if (k.isEmpty() || k.sameAs(mine)) {
                continue; // this conversation, or one it cannot tell: an edit, not a template
            }
            if (people.stream().noneMatch(k::sameAs)) {
                people.add(k);
            }
            if (latest == null || e.postedAt().isAfter(latest.postedAt())) {
                latest = e;
            }
            allOwn &= isOwn(draft, e);
        }
        if (latest == null) {
            return Optional.empty();
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("count", people.size());
        vars.put("when", when(latest.postedAt(), clock.instant()));
        vars.put("quote", opening(latest));
        return Optional.of(finding(rule.get(), draft, vars, allOwn ? "own" : "team", null));
    }

    private Optional<HistoryRules.Rule> rule(String id, Collection<String> muted) {
        return muted.contains(id) ? Optional.empty() : historyRules.active(id);
    }

    private static boolean isOwn(Draft draft, Earlier e) {
        return !draft.author().isBlank() && draft.author().equals(e.author());
    }

    /** A draft this writer reviewed before (not published). */
    private static boolean isOwnDraft(Draft draft, Earlier e) {
        return !e.posted() && isOwn(draft, e);
    }

    /**
     * People edit a draft and review it again: their own earlier review of it for the same
     * place (or with no place given on either side) is a version, never a repeat. Reviewed for
     * another platform, it is the same text planned for two places, which is worth saying.
     */
    private static boolean isReReview(Draft draft, Earlier e) {
        return isOwnDraft(draft, e) && (draft.platforms().isEmpty() || e.platforms().isEmpty()
                || Set.copyOf(draft.platforms()).equals(Set.copyOf(e.platforms())));
    }

    private boolean isThanks(Sketch s) {
        List<String> w = s.words();
        if (w.isEmpty() || w.size() > history.settings().thanksMaxWords()) {
            return false;
        }
        return thanksWords.contains(w.get(0)) || w.size() > 1 && thanksWords.contains(w.get(1));
    }

    /**
     * The finding, pointing at the passage the draft shares with the earlier text, or at the
     * whole draft. {@code form} picks the message: posted or reviewed, by the writer or not.
     */
    private Finding finding(HistoryRules.Rule rule, Draft draft, Map<String, Object> vars, String form, Span passage) {
        String t = draft.text();
        int start = passage == null ? 0 : passage.start();
        int end = passage == null ? t.length() : passage.end();
        while (start < end && Character.isWhitespace(t.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(t.charAt(end - 1))) {
            end--;
        }
        String message = "history:" + rule.id() + ".message" + (form == null ? "" : "." + form);
        return new Finding(rule.id(), Category.BROADCAST, rule.severity(), start, end,
                prompts.render(message, vars), prompts.render("history:" + rule.id() + ".question", vars));
    }

    /** "a few minutes ago", "2 hours ago", "earlier today at 09:14", "yesterday at 17:02", "on Tuesday", "on 16 October". */
    String when(Instant then, Instant now) {
        Duration ago = Duration.between(then, now);
        if (!ago.isNegative() && ago.toMinutes() < 50) {
            return prompts.render("history:when.minutes");
        }
        if (!ago.isNegative() && ago.toMinutes() < 90) {
            return prompts.render("history:when.hour");
        }
        if (!ago.isNegative() && ago.toHours() < 6) {
            return prompts.render("history:when.hours", Map.of("hours", Math.round(ago.toMinutes() / 60.0)));
        }
        var zone = history.settings().zoneId();
        ZonedDateTime t = then.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = t.toLocalDate();
        if (day.equals(today)) {
            return prompts.render("history:when.today", Map.of("time", TIME.format(t)));
        }
        if (day.equals(today.minusDays(1))) {
            return prompts.render("history:when.yesterday", Map.of("time", TIME.format(t)));
        }
        if (day.isAfter(today.minusDays(7))) {
            return prompts.render("history:when.weekday",
                    Map.of("day", t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
        }
        if (day.getYear() == today.getYear()) {
            return prompts.render("history:when.date-this-year", Map.of("date", DAY.format(t)));
        }
        return prompts.render("history:when.date", Map.of("date", DATE.format(t)));
    }

    private String names(List<Platform> ps) {
        List<String> n = ps.stream().map(Platform::displayName).toList();
        if (n.size() == 1) {
            return n.get(0);
        }
        return String.join(", ", n.subList(0, n.size() - 1)) + " " + prompts.render("history:and") + " " + n.get(n.size() - 1);
    }

    /** The opening words of the earlier post, or false (no quote) once its text is gone. */
    private Object opening(Earlier e) {
        return history.body(e.id()).map(b -> (Object) clip(b)).orElse(false);
    }

    /** At most {@code quote_words} words of a text, with "…" when cut. */
    private String clip(String text) {
        String[] words = text.strip().split("\\s+");
        int n = Math.min(words.length, history.settings().quoteWords());
        String q = String.join(" ", java.util.Arrays.copyOf(words, n));
        return n < words.length ? q + "…" : q;
    }
}
