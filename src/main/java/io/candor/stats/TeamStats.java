package io.candor.stats;

import io.candor.chat.ChatUser;
import io.candor.mention.People;
import io.candor.mention.Person;
import io.candor.mention.BusinessHours;
import io.candor.platform.Platform;
import io.candor.stats.StatsReport.Kind;
import io.candor.store.ReviewLogStore;
import io.candor.store.StatsStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Works out a {@link StatsReport} from what is stored: mentions with their owners and first
 * answers, the daily review counts, feedback and muted rules. Reply times count business
 * hours in the owner's own zone, with the reminders' working days and hours (the same
 * {@link BusinessHours}), so a Friday-evening mention answered Monday at 10 took one hour.
 */
public final class TeamStats {
    private static final Set<String> CHAT_SOURCES = Set.of("slack", "discord", "terminal");

    private final ReviewLogStore reviews;
    private final StatsStore store;
    private final People people;
    private final BusinessHours teamHours;
    private final StatsSettings settings;
    private final Clock clock;

    public TeamStats(ReviewLogStore reviews, StatsStore store, People people, BusinessHours teamHours,
                     StatsSettings settings, Clock clock) {
        this.reviews = reviews;
        this.store = store;
        this.people = people;
        this.teamHours = teamHours;
        this.settings = settings;
        this.clock = clock;
    }

    public StatsSettings settings() {
        return settings;
    }

    public ZoneId zone() {
        return teamHours.zone();
    }

    public Clock clock() {
        return clock;
    }

    public People people() {
        return people;
    }

    /** The platform key a name stands for ("x" and "twitter" are one), or empty when Candor knows no such network. */
    public static Optional<String> platform(String name) {
        return Platform.find(name).map(Platform::id);
    }

    /** A person's key for a typed name or chat key, or empty when nobody matches. */
    public Optional<String> person(String ref) {
        return people.assigneeFor(ref);
    }

    public StatsReport build(StatsQuery q) {
        Instant now = clock.instant();
        Period p = q.period();
        Map<String, Acc> scopes = new LinkedHashMap<>();
        Acc team = acc(scopes, Kind.TEAM, "");
        q.person().ifPresent(me -> acc(scopes, Kind.PERSON, me)); // shown even with nothing to count
        Map<LocalDate, WeekAcc> teamWeeks = weeks(p);
        Map<LocalDate, WeekAcc> personWeeks = weeks(p);
        List<StatsReport.OldOpen> open = new ArrayList<>();
        double target = settings.replyTargetHours();
        Map<ZoneId, BusinessHours> hoursByZone = new HashMap<>();
        // a year is 100,000 mentions from a few dozen owners and networks: resolve each name once
        Map<String, String> platformKeys = new HashMap<>();
        Map<String, String> ownerKeys = new HashMap<>();
        Map<String, BusinessHours> ownerHours = new HashMap<>();
        Map<String, String> writers = new HashMap<>();
        Map<String, List<String>> platformLists = new HashMap<>();
        Map<String, Acc> personAccs = new HashMap<>();
        Map<String, Acc> platformAccs = new HashMap<>();
        Instant start = p.start();
        Instant end = p.end();

        if (q.everyone() && q.person().isEmpty()) {
            for (Person listed : people.all()) {
                acc(scopes, Kind.PERSON, listed.name());
            }
        }
        store.mentions(start, end, m -> {
            String platform = platformKeys.computeIfAbsent(m.platform(), TeamStats::platformKey);
            if (q.platform().isPresent() && !q.platform().get().equals(platform)) {
                return;
            }
            String owner = m.assignee() == null ? "" : ownerKeys.computeIfAbsent(m.assignee(), this::ownerKey);
            BusinessHours hours = owner.isEmpty() ? teamHours : ownerHours.computeIfAbsent(owner, o -> hoursByZone
                    .computeIfAbsent(people.zone(o).orElse(teamHours.zone()), z -> teamHours.in(z)));
            List<Acc> into = new ArrayList<>(3);
            into.add(team);
            if (!owner.isEmpty() && shows(q, owner)) {
                into.add(personAccs.computeIfAbsent(owner, o -> acc(scopes, Kind.PERSON, o)));
            }
            into.add(platformAccs.computeIfAbsent(platform, k -> acc(scopes, Kind.PLATFORM, k)));
            boolean waiting = m.state().equals("open") || m.state().equals("in_progress");
            boolean inPeriod = !m.receivedAt().isBefore(start) && m.receivedAt().isBefore(end);
            Double took = m.answeredAt() == null ? null : hoursOf(hours.between(m.receivedAt(), m.answeredAt()));
            double age = waiting ? hoursOf(hours.between(m.receivedAt(), now)) : 0;
            for (Acc a : into) {
                if (inPeriod) {
                    a.received++;
                    if (took != null) {
                        a.replyHours.add(took);
                        a.decided++;
                        a.within += took <= target ? 1 : 0;
                    } else if (m.state().equals("dismissed")) {
                        a.dismissed++;
                    } else if (waiting && age > target) {
                        a.decided++;
                    }
                }
                if (waiting) {
                    a.open++;
                    a.bands[band(age)]++;
                }
            }
            if (inPeriod && took != null) {
                LocalDate w = weekOf(m.receivedAt());
                teamWeeks.get(w).replyHours.add(took);
                if (q.person().isPresent() && q.person().get().equals(owner)) {
                    personWeeks.get(w).replyHours.add(took);
                }
            }
            if (waiting && (q.person().isEmpty() || q.person().get().equals(owner))) {
                open.add(new StatsReport.OldOpen(m.id(), platform, owner.isEmpty() ? "" : people.display(owner), age));
            }
        });

        reviews.days(p.first(), p.last(), d -> {
            List<String> platforms = platformLists.computeIfAbsent(d.key().platforms(), TeamStats::platforms);
            if (q.platform().isPresent() && !platforms.contains(q.platform().get())) {
                return;
            }
            String person = writer(writers, d.key().source(), d.key().team(), d.key().author());
            List<Acc> into = new ArrayList<>();
            into.add(team);
            if (!person.isEmpty() && shows(q, person)) {
                into.add(acc(scopes, Kind.PERSON, person));
            }
            for (String platform : platforms) {
                if (q.platform().isEmpty() || q.platform().get().equals(platform)) {
                    into.add(acc(scopes, Kind.PLATFORM, platform));
                }
            }
            for (Acc a : into) {
                a.add(d);
            }
            LocalDate w = weekStart(d.key().day());
            teamWeeks.get(w).add(d);
            if (q.person().isPresent() && q.person().get().equals(person)) {
                personWeeks.get(w).add(d);
            }
        });

        Map<String, long[]> rules = new HashMap<>();
        reviews.rules(p.first(), p.last(), r -> {
            if (q.platform().isPresent()
                    && !platformLists.computeIfAbsent(r.platforms(), TeamStats::platforms).contains(q.platform().get())) {
                return;
            }
            if (q.person().isPresent() && !q.person().get().equals(writer(writers, r.source(), r.team(), r.author()))) {
                return;
            }
            rules.computeIfAbsent(r.rule(), k -> new long[3])[0] += r.hits();
        });
        store.presses(start, end, f -> {
            long[] c = rules.get(f.rule());
            if (c == null || q.person().isPresent() && !q.person().get().equals(chatPerson(f.surface(), f.team(), f.user()))) {
                return;
            }
            if (f.kind().equals("HELPFUL")) {
                c[1] += f.count();
            } else if (f.kind().equals("NOT_HELPFUL")) {
                c[2] += f.count();
            }
        });
        List<StatsReport.RuleFigure> findings = new ArrayList<>();
        rules.forEach((rule, c) -> findings.add(new StatsReport.RuleFigure(rule, c[0], c[1], c[2])));
        findings.sort(Comparator.comparingLong(StatsReport.RuleFigure::reviews).reversed()
                .thenComparing(StatsReport.RuleFigure::rule));

        Map<String, Integer> mutes = new TreeMap<>();
        store.mutes(mute -> mutes.merge(mute.rule(), 1, Integer::sum));
        List<StatsReport.MutedRule> muted = new ArrayList<>();
        mutes.forEach((rule, n) -> muted.add(new StatsReport.MutedRule(rule, n)));
        muted.sort(Comparator.comparingInt(StatsReport.MutedRule::people).reversed()
                .thenComparing(StatsReport.MutedRule::rule));

        open.sort(Comparator.comparingDouble(StatsReport.OldOpen::ageHours).reversed()
                .thenComparingLong(StatsReport.OldOpen::id));
        List<StatsReport.Scope> out = new ArrayList<>();
        out.add(team.scope(Kind.TEAM, "", "team"));
        List<Map.Entry<String, Acc>> rest = new ArrayList<>(scopes.entrySet());
        rest.sort(Comparator.comparing((Map.Entry<String, Acc> e) -> e.getValue().kind)
                .thenComparing(e -> e.getValue().name.toLowerCase(Locale.ROOT)));
        for (Map.Entry<String, Acc> e : rest) {
            Acc a = e.getValue();
            if (a.kind != Kind.TEAM) {
                out.add(a.scope(a.kind, a.key, a.name));
            }
        }
        return new StatsReport(p, now, target, bandLabels(), out, finish(teamWeeks), q.person().map(people::display),
                q.person().isPresent() ? finish(personWeeks) : List.of(),
                open.subList(0, Math.min(open.size(), settings.oldestShown())),
                findings.subList(0, Math.min(findings.size(), settings.topFindings())), muted);
    }

    private boolean shows(StatsQuery q, String person) {
        return q.everyone() && q.person().isEmpty() || q.person().isPresent() && q.person().get().equals(person);
    }

    private Acc acc(Map<String, Acc> scopes, Kind kind, String key) {
        return scopes.computeIfAbsent(kind + "\u0000" + key, k -> new Acc(kind, key, switch (kind) {
            case TEAM -> "team";
            case PERSON -> people.display(key);
            case PLATFORM -> Platform.find(key).map(Platform::displayName).orElse(key);
        }, settings.ageBandsHours().size() + 1));
    }

    private String writer(Map<String, String> known, String source, String team, String author) {
        return known.computeIfAbsent(source + '\u0000' + team + '\u0000' + author, k -> writer(source, team, author));
    }

    /** The person who wrote a reviewed draft: a listed name, else their chat key; "" for the command line without --author. */
    String writer(String source, String team, String author) {
        if (CHAT_SOURCES.contains(source)) {
            return chatPerson(source, team, author);
        }
        if (author == null || author.isBlank()) {
            return "";
        }
        return people.find(author).map(Person::name).orElse(author);
    }

    private String chatPerson(String surface, String team, String id) {
        ChatUser u = ChatUser.of(surface, team, id, id);
        return people.of(u).map(Person::name).orElse(u.key());
    }

    private String ownerKey(String assignee) {
        if (assignee == null || assignee.isBlank()) {
            return "";
        }
        return people.find(assignee).map(Person::name).orElse(assignee);
    }

    static String platformKey(String raw) {
        return platform(raw).orElse(raw.strip().toLowerCase(Locale.ROOT));
    }

    private static List<String> platforms(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(TeamStats::platformKey).distinct().toList();
    }

    private int band(double hours) {
        List<Integer> b = settings.ageBandsHours();
        for (int i = 0; i < b.size(); i++) {
            if (hours < b.get(i)) {
                return i;
            }
        }
        return b.size();
    }

    private List<String> bandLabels() {
        List<Integer> b = settings.ageBandsHours();
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= b.size(); i++) {
            out.add(i == 0 ? "<" + b.get(0) + "h" : i == b.size() ? "≥" + b.get(i - 1) + "h" : b.get(i - 1) + "–" + b.get(i) + "h");
        }
        return out;
    }

    private LocalDate weekOf(Instant t) {
        return weekStart(t.atZone(teamHours.zone()).toLocalDate());
    }

    static LocalDate weekStart(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Map<LocalDate, WeekAcc> weeks(Period p) {
        Map<LocalDate, WeekAcc> out = new LinkedHashMap<>();
        for (LocalDate w = weekStart(p.first()); !w.isAfter(p.last()); w = w.plusWeeks(1)) {
            out.put(w, new WeekAcc());
        }
        return out;
    }

    private static List<StatsReport.Week> finish(Map<LocalDate, WeekAcc> weeks) {
        List<StatsReport.Week> out = new ArrayList<>(weeks.size());
        weeks.forEach((start, w) -> out.add(new StatsReport.Week(start, w.reviewed, w.firstLooks, w.firstReady,
                w.replyHours.size(), percentile(w.replyHours, 0.5))));
        return out;
    }

    private static double hoursOf(Duration d) {
        return d.toSeconds() / 3600.0;
    }

    /** Nearest-rank percentile; null for no values. */
    static Double percentile(Hours values, double q) {
        if (values.size() == 0) {
            return null;
        }
        double[] v = values.sorted();
        int rank = (int) Math.ceil(q * v.length);
        return v[Math.max(0, rank - 1)];
    }

    /** Reply times as a growing array of doubles: 100,000 of them boxed would be most of a report's garbage. */
    static final class Hours {
        private double[] values = new double[16];
        private int size;
        private boolean sorted = true;

        void add(double h) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = h;
            sorted = false;
        }

        int size() {
            return size;
        }

        double[] sorted() {
            if (!sorted) {
                values = Arrays.copyOf(values, size);
                Arrays.sort(values);
                sorted = true;
            }
            return values.length == size ? values : Arrays.copyOf(values, size);
        }
    }

    private static final class WeekAcc {
        int reviewed;
        int firstLooks;
        int firstReady;
        final Hours replyHours = new Hours();

        void add(ReviewLogStore.DayCount d) {
            reviewed += d.reviews();
            firstLooks += d.firstLooks();
            firstReady += d.firstReady();
        }
    }

    private static final class Acc {
        final Kind kind;
        final String key;
        final String name;
        int received;
        int dismissed;
        int decided;
        int within;
        int open;
        final int[] bands;
        final Hours replyHours = new Hours();
        int reviewed;
        int ready;
        int anotherLook;
        int rethink;
        int firstLooks;
        int firstReady;

        Acc(Kind kind, String key, String name, int bandCount) {
            this.kind = kind;
            this.key = key;
            this.name = name;
            this.bands = new int[bandCount];
        }

        void add(ReviewLogStore.DayCount d) {
            reviewed += d.reviews();
            ready += d.ready();
            anotherLook += d.anotherLook();
            rethink += d.rethink();
            firstLooks += d.firstLooks();
            firstReady += d.firstReady();
        }

        StatsReport.Scope scope(Kind k, String key, String name) {
            List<Integer> b = Arrays.stream(bands).boxed().toList();
            return new StatsReport.Scope(k, key, name,
                    new StatsReport.Replies(received, replyHours.size(), dismissed, percentile(replyHours, 0.5),
                            percentile(replyHours, 0.9), decided == 0 ? null : (double) within / decided, open, b),
                    new StatsReport.Drafts(reviewed, ready, anotherLook, rethink, firstLooks, firstReady));
        }
    }
}
