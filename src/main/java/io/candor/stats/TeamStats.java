package io.candor.stats;

import io.candor.chat.ChatUser;
import io.candor.fault.Unwrapped;
import io.candor.identity.ChatKey;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import io.candor.mention.BusinessHours;
import io.candor.mention.People;
import io.candor.platform.Platform;
import io.candor.review.Writer;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Works out a {@link StatsReport} from what is stored: mentions with their owners and first
 * answers, the daily review counts, feedback and muted rules. Reply times count business
 * hours in the owner's own zone, with the reminders' working days and hours (the same
 * {@link BusinessHours}), so a Friday-evening mention answered Monday at 10 took one hour.
 */
public final class TeamStats {
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

    BusinessHours teamHours() {
        return teamHours;
    }

    /** The platform key a name stands for ("x" and "twitter" are one), or empty when Candor knows no such network. */
    public static Optional<String> platform(String name) {
        return Platform.find(name).map(Platform::id);
    }

    /** A person for a typed name or chat key, or empty when nobody matches. */
    public Optional<PersonRef> person(String ref) {
        return people.assigneeFor(ref);
    }

    /** The report a query asks for: each stored figure of the period read once, in turn. */
    public StatsReport build(StatsQuery q) {
        Tally t = new Tally(this, q, clock.instant());
        Period p = q.period();
        // the review roll-ups are read on a second connection while the mentions are counted (each
        // takes a few hundred milliseconds over a year of a busy team); the tally takes them after, as before
        CompletableFuture<Rollups> rollups = CompletableFuture.supplyAsync(() -> Rollups.read(reviews, p));
        store.mentions(p.start(), p.end(), t::mention);
        Rollups r = Unwrapped.join(rollups);
        r.days().forEach(t::day);
        r.rules().forEach(t::rule);
        store.presses(p.start(), p.end(), t::press);
        store.mutes(t::mute);
        return t.report();
    }

    /** A period's days of reviews and rule counts, as the store hands them out. */
    private record Rollups(List<ReviewLogStore.DayCount> days, List<ReviewLogStore.RuleCount> rules) {
        static Rollups read(ReviewLogStore reviews, Period p) {
            List<ReviewLogStore.DayCount> days = new ArrayList<>();
            List<ReviewLogStore.RuleCount> rules = new ArrayList<>();
            reviews.days(p.first(), p.last(), days::add);
            reviews.rules(p.first(), p.last(), rules::add);
            return new Rollups(days, rules);
        }
    }

    /**
     * The person who wrote a reviewed draft: a listed name, else their chat key or the name given;
     * empty for the command line without --author.
     */
    Optional<PersonRef> writer(Writer w) {
        Optional<SurfaceKind> chat = SurfaceKind.find(w.source()).filter(SurfaceKind::chat);
        if (chat.isPresent()) {
            return Optional.of(chatPerson(new ChatKey(chat.get(), w.team(), w.author())));
        }
        if (w.author().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(people.canonical(PersonRef.named(w.author())));
    }

    /** Someone on chat as stats count them: their name in people:, else their chat key. */
    PersonRef chatPerson(ChatKey who) {
        return people.of(ChatUser.of(who)).<PersonRef>map(p -> PersonRef.named(p.name())).orElse(who);
    }

    /** A platform's key for a mention's platform as a listening tool sent it. */
    static String platformKey(String raw) {
        return platform(raw).orElse(raw.strip().toLowerCase(Locale.ROOT));
    }

    /** How a platform's row is named: the network's name, else its key as sent. */
    static String platformName(String key) {
        return Platform.find(key).map(Platform::displayName).orElse(key);
    }

    /** The age band (index into the report's bands) of a waiting mention this many business hours old. */
    int band(double hours) {
        List<Integer> b = settings.ageBandsHours();
        for (int i = 0; i < b.size(); i++) {
            if (hours < b.get(i)) {
                return i;
            }
        }
        return b.size();
    }

    List<String> bandLabels() {
        List<Integer> b = settings.ageBandsHours();
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= b.size(); i++) {
            out.add(i == 0 ? "<" + b.get(0) + "h" : i == b.size() ? "≥" + b.get(i - 1) + "h" : b.get(i - 1) + "–" + b.get(i) + "h");
        }
        return out;
    }

    LocalDate weekOf(Instant t) {
        return weekStart(t.atZone(teamHours.zone()).toLocalDate());
    }

    static LocalDate weekStart(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static double hoursOf(Duration d) {
        return d.toSeconds() / 3600.0;
    }
}
