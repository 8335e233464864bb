package io.candor.stats;

import io.candor.identity.PersonRef;
import io.candor.mention.BusinessHours;
import io.candor.mention.Person;
import io.candor.stats.StatsReport.Kind;
import io.candor.store.ReviewLogStore;
import io.candor.store.StatsStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One report while it is being counted: the store hands it each mention, day of reviews, rule
 * count, feedback press and mute in turn ({@link TeamStats#build}), and {@link #report} puts the
 * figures together. A year is 100,000 mentions from a few dozen owners and networks, so each
 * name is resolved once.
 */
final class Tally {
    private final TeamStats stats;
    private final StatsQuery q;
    private final Instant now;
    private final Instant start;
    private final Instant end;
    private final double target;
    private final ScopeTally team;
    /** People's and platforms' rows, by key, in the order they came up (rows() sorts them by name). */
    private final Map<PersonRef, ScopeTally> people = new LinkedHashMap<>();
    private final Map<String, ScopeTally> platforms = new LinkedHashMap<>();
    private final Map<LocalDate, WeekTally> teamWeeks;
    private final Map<LocalDate, WeekTally> personWeeks;
    private final List<StatsReport.OldOpen> open = new ArrayList<>();
    /** Per rule: reviews that found it, Helpful presses, Not helpful presses. */
    private final Map<String, long[]> rules = new HashMap<>();
    private final Map<String, Integer> mutes = new TreeMap<>();
    // each name resolved once
    private final Map<String, String> platformKeys = new HashMap<>();
    private final Map<PersonRef, PersonRef> owners = new HashMap<>();
    private final Map<PersonRef, BusinessHours> ownerHours = new HashMap<>();
    private final Map<ZoneId, BusinessHours> hoursByZone = new HashMap<>();
    private final Map<io.candor.review.Writer, Optional<PersonRef>> writers = new HashMap<>();
    /** The last week a mention fell in, and its bounds (see weekOfReceipt). */
    private LocalDate week;
    private Instant weekFrom;
    private Instant weekTo;

    Tally(TeamStats stats, StatsQuery q, Instant now) {
        this.stats = stats;
        this.q = q;
        this.now = now;
        this.start = q.period().start();
        this.end = q.period().end();
        this.target = stats.settings().replyTargetHours();
        this.team = new ScopeTally(Kind.TEAM, "", "team", bandCount());
        q.person().ifPresent(this::row); // shown even with nothing to count
        this.teamWeeks = weeks(q.period());
        this.personWeeks = weeks(q.period());
        if (q.everyone() && q.person().isEmpty()) {
            for (Person listed : stats.people().all()) {
                row(PersonRef.named(listed.name()));
            }
        }
    }

    /**
     * A mention received in the period, or waiting now whenever it came in. Written without
     * lambdas: a fresh process counts a year's 100,000 mentions in code the JIT has barely
     * compiled, where every capturing lambda is an allocation through a method handle.
     */
    void mention(StatsStore.MentionTiming m) {
        String platform = platformKeys.get(m.platform());
        if (platform == null) {
            platform = TeamStats.platformKey(m.platform());
            platformKeys.put(m.platform(), platform);
        }
        if (q.platform().isPresent() && !q.platform().get().equals(platform)) {
            return;
        }
        Optional<PersonRef> owner = m.assignee().isPresent() ? Optional.of(owner(m.assignee().get())) : Optional.empty();
        BusinessHours hours = owner.isPresent() ? hoursOf(owner.get()) : stats.teamHours();
        boolean waiting = m.state().waiting();
        boolean inPeriod = !m.receivedAt().isBefore(start) && m.receivedAt().isBefore(end);
        Double took = m.answeredAt() == null ? null : TeamStats.hoursOf(hours.between(m.receivedAt(), m.answeredAt()));
        double age = waiting ? TeamStats.hoursOf(hours.between(m.receivedAt(), now)) : 0;
        boolean dismissed = m.state() == io.candor.mention.model.MentionState.DISMISSED;
        int band = waiting ? stats.band(age) : 0;
        // the rows it counts in, as into() lists them: the team, its owner's when shown, its platform's
        count(team, inPeriod, took, dismissed, waiting, age, band);
        if (owner.isPresent() && shows(owner.get())) {
            count(row(owner.get()), inPeriod, took, dismissed, waiting, age, band);
        }
        count(row(platform), inPeriod, took, dismissed, waiting, age, band);
        if (inPeriod && took != null) {
            LocalDate w = weekOfReceipt(m.receivedAt());
            teamWeeks.get(w).replyHours.add(took);
            if (isAsker(owner)) {
                personWeeks.get(w).replyHours.add(took);
            }
        }
        if (waiting && (q.person().isEmpty() || isAsker(owner))) {
            open.add(new StatsReport.OldOpen(m.id(), platform, owner.isPresent() ? stats.people().display(owner.get()) : "", age));
        }
    }

    private void count(ScopeTally s, boolean inPeriod, Double took, boolean dismissed, boolean waiting, double age, int band) {
        if (inPeriod) {
            s.received(took, dismissed, waiting && age > target, target);
        }
        if (waiting) {
            s.waiting(band);
        }
    }

    private PersonRef owner(PersonRef assignee) {
        PersonRef canonical = owners.get(assignee);
        if (canonical == null) {
            canonical = stats.people().canonical(assignee);
            owners.put(assignee, canonical);
        }
        return canonical;
    }

    /**
     * The week a mention was received in: mentions come oldest first, so the week of the one
     * before nearly always holds it, and the zone is asked once a week instead of once a mention.
     */
    private LocalDate weekOfReceipt(Instant t) {
        if (week == null || t.isBefore(weekFrom) || !t.isBefore(weekTo)) {
            week = stats.weekOf(t);
            weekFrom = week.atStartOfDay(stats.zone()).toInstant();
            weekTo = week.plusWeeks(1).atStartOfDay(stats.zone()).toInstant();
        }
        return week;
    }

    /** One day's reviews by one writer for one set of platforms. */
    void day(ReviewLogStore.DayCount d) {
        List<String> platforms = d.key().platforms().stream().map(p -> p.id()).toList();
        if (q.platform().isPresent() && !platforms.contains(q.platform().get())) {
            return;
        }
        Optional<PersonRef> person = writer(d.key().writer());
        List<String> counted = q.platform().map(List::of).orElse(platforms);
        for (ScopeTally s : into(person, counted)) {
            s.add(d);
        }
        LocalDate w = TeamStats.weekStart(d.key().day());
        teamWeeks.get(w).add(d);
        if (isAsker(person)) {
            personWeeks.get(w).add(d);
        }
    }

    /** How many reviews found a rule, for one writer and set of platforms. */
    void rule(ReviewLogStore.RuleCount r) {
        boolean platformOk = q.platform().isEmpty()
                || r.platforms().stream().anyMatch(p -> p.id().equals(q.platform().get()));
        if (platformOk && (q.person().isEmpty() || isAsker(writer(r.writer())))) {
            rules.computeIfAbsent(r.rule(), k -> new long[3])[0] += r.hits();
        }
    }

    /** Presses of a feedback button on a rule the reviews found. */
    void press(StatsStore.Press f) {
        long[] c = rules.get(f.rule());
        if (c == null || q.person().isPresent() && !isAsker(Optional.of(stats.chatPerson(f.who())))) {
            return;
        }
        switch (f.kind()) {
            case HELPFUL -> c[1] += f.count();
            case NOT_HELPFUL -> c[2] += f.count();
            case MUTE -> { } // counted by who muted what, in mute()
        }
    }

    void mute(StatsStore.Mute m) {
        mutes.merge(m.rule(), 1, Integer::sum);
    }

    StatsReport report() {
        List<StatsReport.RuleFigure> findings = new ArrayList<>();
        rules.forEach((rule, c) -> findings.add(new StatsReport.RuleFigure(rule, c[0], c[1], c[2])));
        findings.sort(Comparator.comparingLong(StatsReport.RuleFigure::reviews).reversed()
                .thenComparing(StatsReport.RuleFigure::rule));
        List<StatsReport.MutedRule> muted = new ArrayList<>();
        mutes.forEach((rule, n) -> muted.add(new StatsReport.MutedRule(rule, n)));
        muted.sort(Comparator.comparingInt(StatsReport.MutedRule::people).reversed()
                .thenComparing(StatsReport.MutedRule::rule));
        open.sort(Comparator.comparingDouble(StatsReport.OldOpen::ageHours).reversed()
                .thenComparingLong(StatsReport.OldOpen::id));
        StatsSettings settings = stats.settings();
        return new StatsReport(q.period(), now, target, stats.bandLabels(), rows(), finish(teamWeeks),
                q.person().map(stats.people()::display), q.person().isPresent() ? finish(personWeeks) : List.of(),
                open.subList(0, Math.min(open.size(), settings.oldestShown())),
                findings.subList(0, Math.min(findings.size(), settings.topFindings())), muted);
    }

    /** The team first, then people and platforms, each kind by name. */
    private List<StatsReport.Scope> rows() {
        List<StatsReport.Scope> out = new ArrayList<>();
        out.add(team.scope());
        for (Map<?, ScopeTally> kind : List.of(people, platforms)) {
            kind.values().stream().sorted(Comparator.comparing(s -> s.name.toLowerCase(Locale.ROOT)))
                    .forEach(s -> out.add(s.scope()));
        }
        return out;
    }

    /** The rows a figure counts in: the team, its person when the report shows them, its platforms. */
    private List<ScopeTally> into(Optional<PersonRef> person, List<String> platforms) {
        List<ScopeTally> into = new ArrayList<>(2 + platforms.size());
        into.add(team);
        person.filter(this::shows).ifPresent(p -> into.add(row(p)));
        for (String platform : platforms) {
            into.add(row(platform));
        }
        return into;
    }

    // rows and writers looked up without capturing lambdas: they are asked for every mention (see mention())
    private ScopeTally row(PersonRef person) {
        ScopeTally row = people.get(person);
        if (row == null) {
            row = new ScopeTally(Kind.PERSON, person.key(), stats.people().display(person), bandCount());
            people.put(person, row);
        }
        return row;
    }

    private ScopeTally row(String platform) {
        ScopeTally row = platforms.get(platform);
        if (row == null) {
            row = new ScopeTally(Kind.PLATFORM, platform, TeamStats.platformName(platform), bandCount());
            platforms.put(platform, row);
        }
        return row;
    }

    private int bandCount() {
        return stats.settings().ageBandsHours().size() + 1;
    }

    /** Whether a person has a row: everyone's on the terminal, only the asker's in chat. */
    private boolean shows(PersonRef person) {
        return q.everyone() && q.person().isEmpty() || isAsker(Optional.of(person));
    }

    private boolean isAsker(Optional<PersonRef> person) {
        return q.person().isPresent() && q.person().equals(person);
    }

    private Optional<PersonRef> writer(io.candor.review.Writer w) {
        Optional<PersonRef> person = writers.get(w);
        if (person == null) {
            person = stats.writer(w);
            writers.put(w, person);
        }
        return person;
    }

    /** An owner's working hours: the team's days and times, in the owner's own zone. */
    private BusinessHours hoursOf(PersonRef owner) {
        BusinessHours hours = ownerHours.get(owner);
        if (hours == null) {
            hours = hoursByZone.computeIfAbsent(stats.people().zone(owner).orElse(stats.zone()), z -> stats.teamHours().in(z));
            ownerHours.put(owner, hours);
        }
        return hours;
    }

    private static Map<LocalDate, WeekTally> weeks(Period p) {
        Map<LocalDate, WeekTally> out = new LinkedHashMap<>();
        for (LocalDate w = TeamStats.weekStart(p.first()); !w.isAfter(p.last()); w = w.plusWeeks(1)) {
            out.put(w, new WeekTally());
        }
        return out;
    }

    private static List<StatsReport.Week> finish(Map<LocalDate, WeekTally> weeks) {
        List<StatsReport.Week> out = new ArrayList<>(weeks.size());
        weeks.forEach((start, w) -> out.add(w.week(start)));
        return out;
    }
}
