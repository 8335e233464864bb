package io.candor.history;

import io.candor.review.Category;
import io.candor.review.Draft;
import io.candor.review.DraftReviewer;
import io.candor.review.Finding;
import io.candor.review.Platform;
import io.candor.review.Prompts;
import io.candor.review.Review;
import io.candor.review.Reviewer;
import io.candor.store.StoreUnavailableException;
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
    private static final Set<String> CHAT_SOURCES = Set.of("slack", "discord", "terminal");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
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

    /** No near-copy by the same writer within own_draft_hours: a new draft, not an edit asked again. */
    private boolean isFirstLook(Draft draft, Sketch s) {
        if (s.isEmpty() || draft.author().isBlank()) {
            return true;
        }
        Instant since = clock.instant().minus(Duration.ofHours(history.settings().ownDraftHours()));
        return history.similar(s, draft.team(), since, 16).stream().noneMatch(e -> draft.author().equals(e.author()));
    }

    private List<Finding> compare(Draft draft, Sketch s, Collection<String> muted) {
        Instant now = clock.instant();
        HistorySettings cfg = history.settings();
        Optional<HistoryRules.Rule> thanks = rule(HistoryRules.THANKS_STREAM, muted);
        if (thanks.isPresent() && isThanks(s)) {
            Instant since = now.minus(Duration.ofHours(cfg.thanksWindowHours()));
            List<Earlier> same = history.similar(s, draft.team(), since, cfg.thanksCount());
            if (same.size() + 1 >= cfg.thanksCount()) {
                Map<String, Object> vars = new HashMap<>();
                vars.put("count", same.size() + 1);
                vars.put("hours", cfg.thanksWindowHours());
                vars.put("quote", quote(same.get(0)));
                return List.of(finding(thanks.get(), draft, vars));
            }
            return List.of(); // a thank-you is short by nature: not a repeat in itself
        }
        if (s.words().size() < cfg.minWords()) {
            return List.of();
        }
        Instant since = cfg.signatureCutoff(now);
        Earlier best = null;
        for (Earlier e : history.similar(s, draft.team(), since, 16)) {
            if (!isOwnEarlierVersion(draft, e, now)) {
                best = e;
                break;
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
        Map<String, Object> vars = new HashMap<>();
        vars.put("when", when(best.postedAt(), now));
        vars.put("platforms", best.platforms().isEmpty() ? false : names(best.platforms()));
        vars.put("author", best.author().isBlank() ? false : best.author());
        vars.put("quote", quote(best));
        return List.of(finding(rule.get(), draft, vars));
    }

    private Optional<HistoryRules.Rule> rule(String id, Collection<String> muted) {
        return muted.contains(id) ? Optional.empty() : historyRules.active(id);
    }

    /** People edit a draft and ask again in chat; their own recent drafts there are versions, not repeats. */
    private boolean isOwnEarlierVersion(Draft draft, Earlier e, Instant now) {
        return CHAT_SOURCES.contains(draft.source()) && !draft.author().isBlank() && draft.author().equals(e.author())
                && e.postedAt().isAfter(now.minus(Duration.ofHours(history.settings().ownDraftHours())));
    }

    private boolean isThanks(Sketch s) {
        List<String> w = s.words();
        if (w.isEmpty() || w.size() > history.settings().thanksMaxWords()) {
            return false;
        }
        return thanksWords.contains(w.get(0)) || w.size() > 1 && thanksWords.contains(w.get(1));
    }

    private Finding finding(HistoryRules.Rule rule, Draft draft, Map<String, Object> vars) {
        String t = draft.text();
        int start = 0;
        int end = t.length();
        while (start < end && Character.isWhitespace(t.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(t.charAt(end - 1))) {
            end--;
        }
        return new Finding(rule.id(), Category.BROADCAST, rule.severity(), start, end,
                prompts.render("history:" + rule.id() + ".message", vars),
                prompts.render("history:" + rule.id() + ".question", vars));
    }

    /** "earlier today at 09:14", "yesterday at 17:02", "on Tuesday", "on 3 March 2026". */
    String when(Instant then, Instant now) {
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
    private Object quote(Earlier e) {
        Optional<String> body = history.body(e.id());
        if (body.isEmpty()) {
            return false;
        }
        String[] words = body.get().strip().split("\\s+");
        int n = Math.min(words.length, history.settings().quoteWords());
        String q = String.join(" ", java.util.Arrays.copyOf(words, n));
        return n < words.length ? q + "…" : q;
    }
}
