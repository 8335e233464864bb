package io.candor.store;

import static io.candor.store.Times.instant;
import static io.candor.store.Times.ts;

import io.candor.identity.PersonRef;
import io.candor.mention.model.Ingested;
import io.candor.mention.model.Mention;
import io.candor.mention.model.MentionEvent;
import io.candor.mention.model.MentionState;
import io.candor.mention.model.NewMention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Mentions and their history, in the {@code mentions} and {@code mention_events} tables
 * (migration V2 and later), with each owner's count of waiting ones (V14, {@link OwnerCounts});
 * the reminders' delivery log is {@link SentReminders}. Every write is one transaction,
 * committed before the method returns, so a caller that answers "201 Created" after it has
 * answered truthfully.
 */
public final class MentionStore {
    private static final String COLUMNS =
            "id, platform, source_id, author, text, url, received_at, assignee, state, snoozed_until, thread_key";

    private static final List<MentionState> WAITING = List.of(MentionState.OPEN, MentionState.IN_PROGRESS);

    private final Database db;

    public MentionStore(Database db) {
        this.db = db;
        if (db.url().startsWith("jdbc:h2:")) {
            durableCommits();
        }
    }

    /**
     * H2 normally writes committed work to its file up to half a second later; a process
     * killed in that window would lose mentions the webhook already acknowledged. With no
     * write delay, a commit is in the file (the OS's page cache) before the call returns.
     */
    private void durableCommits() {
        tx(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            }
            return null;
        });
    }

    public boolean healthy() {
        return db.healthy();
    }

    /**
     * Takes in a batch, all or nothing: known ones (same platform and source id) are
     * returned as they are; new ones nobody was named for get an owner from
     * {@code ownerForNew} (which may find none) and a "received" event. Two requests racing on the same id: the loser
     * retries and finds the winner's row.
     */
    public List<Ingested> ingest(List<NewMention> batch, String actor, Instant now,
                                 Function<NewMention, Optional<PersonRef>> ownerForNew) {
        for (int attempt = 0; ; attempt++) {
            try {
                return tx(c -> ingestIn(c, batch, actor, now, ownerForNew));
            } catch (StoreUnavailableException e) {
                if (attempt == 0 && StoreErrors.duplicateKey(e)) {
                    continue;
                }
                throw e;
            }
        }
    }

    private List<Ingested> ingestIn(Connection c, List<NewMention> batch, String actor, Instant now,
                                    Function<NewMention, Optional<PersonRef>> ownerForNew) throws SQLException {
        List<Ingested> out = new ArrayList<>(batch.size());
        OwnerCounts.Delta counts = new OwnerCounts.Delta();
        try (PreparedStatement find = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM mentions WHERE platform = ? AND source_id = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO mentions (platform, source_id, author, text, url, received_at, assignee, state,"
                             + " thread_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            for (NewMention m : batch) {
                find.setString(1, m.platform());
                find.setString(2, m.sourceId());
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        out.add(new Ingested(read(rs), false));
                        continue;
                    }
                }
                Optional<PersonRef> owner = m.assignee().or(() -> ownerForNew.apply(m));
                insert.setString(1, m.platform());
                insert.setString(2, m.sourceId());
                insert.setString(3, m.author());
                insert.setString(4, m.text());
                insert.setString(5, m.url());
                insert.setObject(6, ts(m.receivedAt()));
                insert.setString(7, owner.map(PersonRef::key).orElse(null));
                insert.setString(8, MentionState.OPEN.id());
                insert.setString(9, m.threadKey());
                insert.setObject(10, ts(now));
                insert.executeUpdate();
                long id;
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                event(c, id, now, actor, "received", owner.map(o -> "assigned to " + o.key()).orElse(null));
                counts.waitingCame(owner);
                out.add(new Ingested(new Mention(id, m.platform(), m.sourceId(), m.author(), m.text(), m.url(),
                        m.receivedAt(), owner, MentionState.OPEN, null, m.threadKey()), true));
            }
        }
        counts.apply(c);
        return out;
    }

    public Optional<Mention> find(long id) {
        return one("SELECT " + COLUMNS + " FROM mentions WHERE id = ?", id);
    }

    public Optional<Mention> findByThread(String threadKey) {
        return one("SELECT " + COLUMNS + " FROM mentions WHERE thread_key = ?", threadKey);
    }

    /** Changes state and/or owner and snooze, and writes who did it; empty when the id is unknown. */
    public Optional<Mention> change(long id, String actor, Instant now, Change change) {
        return tx(c -> {
            Mention m;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM mentions WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    m = read(rs);
                }
            }
            MentionState state = change.state().orElse(m.state());
            Optional<PersonRef> assignee = change.assignee().or(m::assignee);
            Instant snooze = change.snoozedUntil().orElse(m.snoozedUntil());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE mentions SET state = ?, assignee = ?, snoozed_until = ? WHERE id = ?")) {
                ps.setString(1, state.id());
                ps.setString(2, assignee.map(PersonRef::key).orElse(null));
                ps.setObject(3, snooze == null ? null : ts(snooze));
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            event(c, id, now, actor, change.action(), change.detail());
            OwnerCounts.Delta counts = new OwnerCounts.Delta();
            if (m.state().waiting()) {
                counts.waitingLeft(m.assignee());
            }
            if (state.waiting()) {
                counts.waitingCame(assignee);
            }
            counts.apply(c);
            return Optional.of(new Mention(m.id(), m.platform(), m.sourceId(), m.author(), m.text(), m.url(),
                    m.receivedAt(), assignee, state, snooze, m.threadKey()));
        });
    }

    /** What to change (empty: stays as it is), and the event that says so: its action and detail. */
    public record Change(Optional<MentionState> state, Optional<PersonRef> assignee, Optional<Instant> snoozedUntil,
                         String action, String detail) {
        /** A new state, and who or what made it so. */
        public static Change state(MentionState to, String action, String detail) {
            return new Change(Optional.of(to), Optional.empty(), Optional.empty(), action, detail);
        }

        /** A new owner. */
        public static Change owner(PersonRef to) {
            return new Change(Optional.empty(), Optional.of(to), Optional.empty(), "assigned", "to " + to.key());
        }

        /** A new state and owner together: someone took it up. */
        public static Change taken(MentionState to, PersonRef by, String action, String detail) {
            return new Change(Optional.of(to), Optional.of(by), Optional.empty(), action, detail);
        }

        /** Out of the reminders until then. */
        public static Change snoozed(Instant until) {
            return new Change(Optional.empty(), Optional.empty(), Optional.of(until), "snoozed", "until " + until);
        }
    }

    /** Whose mentions a listing shows: anyone's, nobody's (unassigned), or one person's. */
    public sealed interface Whose permits Whose.Anyone, Whose.Nobody, Whose.One {
        Whose ANYONE = new Anyone();
        Whose NOBODY = new Nobody();

        static Whose of(PersonRef person) {
            return new One(person);
        }

        record Anyone() implements Whose {
        }

        record Nobody() implements Whose {
        }

        record One(PersonRef person) implements Whose {
        }
    }

    /** One person's open and in-progress mentions, oldest first, at most {@code limit}. */
    public List<Mention> waitingFor(PersonRef assignee, int limit) {
        return listed(WAITING, Whose.of(assignee), limit);
    }

    /**
     * How many open and in-progress mentions one person (or nobody) holds: their kept count
     * ({@link OwnerCounts}), one row however many they hold.
     */
    public int countWaiting(Whose whose) {
        if (whose instanceof Whose.Anyone) {
            throw new IllegalArgumentException("count one person's mentions, or nobody's");
        }
        String owner = whose instanceof Whose.One one ? one.person().key() : OwnerCounts.NOBODY;
        return tx(c -> (int) Math.min(Integer.MAX_VALUE, Math.max(0, OwnerCounts.of(c, owner))));
    }

    /**
     * Counts every owner's waiting mentions again from the rows ({@code candor mentions recount}),
     * in one transaction. Candor keeps these counts as it writes; this is for mentions written by
     * other means: an older Candor beside this one, a hand edit, a bulk load.
     */
    public Recount recountWaiting() {
        return tx(OwnerCounts::recount);
    }

    /** What a recount found: the waiting mentions, their owners (nobody is one), and the kept counts it mended. */
    public record Recount(long waiting, int owners, int mended) {
    }

    /**
     * Marks the mention with this source id answered at {@code at} (the reply's own time, which
     * the stats use), in one transaction that re-reads it locked: empty when no such mention is
     * known or it is no longer waiting, so two instances never answer it twice.
     */
    public Optional<Mention> answerIfWaiting(String platform, String sourceId, String actor, Instant at, String detail) {
        return tx(c -> {
            Mention m;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM mentions WHERE platform = ? AND source_id = ? FOR UPDATE")) {
                ps.setString(1, platform);
                ps.setString(2, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    m = read(rs);
                }
            }
            if (!m.state().waiting()) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE mentions SET state = ? WHERE id = ?")) {
                ps.setString(1, MentionState.ANSWERED.id());
                ps.setLong(2, m.id());
                ps.executeUpdate();
            }
            event(c, m.id(), at, actor, "answered", detail);
            OwnerCounts.Delta counts = new OwnerCounts.Delta();
            counts.waitingLeft(m.assignee());
            counts.apply(c);
            return Optional.of(new Mention(m.id(), m.platform(), m.sourceId(), m.author(), m.text(), m.url(),
                    m.receivedAt(), m.assignee(), MentionState.ANSWERED, m.snoozedUntil(), m.threadKey()));
        });
    }

    public Optional<Mention> findBySource(String platform, String sourceId) {
        List<Mention> l = list("SELECT " + COLUMNS + " FROM mentions WHERE platform = ? AND source_id = ?", platform, sourceId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Mentions for a listing, oldest first: in the given states (empty: all), whose they are, at most {@code limit}. */
    public List<Mention> listed(List<MentionState> states, Whose whose, int limit) {
        return pages(states, whose, "", List.of(), limit);
    }

    /** Up to this many owners, a reminder's counts start from the kept counts; beyond, one pass over the index counts them. */
    private static final int OWNERS_FROM_KEPT_COUNTS = 100;

    /**
     * Waiting mentions a reminder counts, by owner (empty: nobody's): not snoozed at {@code now}
     * and received by {@code dueBy} (old enough); of those, how many were received by
     * {@code escalatedBy}. Owners come oldest mention first.
     *
     * <p>Each owner's kept count ({@link OwnerCounts}) less the mentions it must leave out: those
     * received after the ages, and those snoozed now, both read from an index that holds them
     * apart (mentions_waiting_counts, mentions_snoozed). Then one seek per owner finds their
     * oldest. So the cost follows the young, the snoozed and the owners, not the backlog. With
     * more than {@value #OWNERS_FROM_KEPT_COUNTS} owners, one pass over mentions_waiting_counts
     * counts everything instead.
     */
    public List<OwnerCount> waitingByOwner(Instant now, Optional<Instant> dueBy, Optional<Instant> escalatedBy) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        Optional<Map<String, long[]>> kept = tx(c -> dueFromKeptCounts(c, at, dueBy, escalatedBy));
        if (kept.isEmpty()) {
            return countedInOnePass(now, dueBy, escalatedBy);
        }
        List<OwnerRow> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : kept.get().entrySet()) {
            long[] n = e.getValue();
            Optional<PersonRef> owner = assignee(e.getKey());
            List<Mention> oldest = n[0] <= 0 ? List.of()
                    : oldestDue(owner.<Whose>map(Whose::of).orElse(Whose.NOBODY), now, dueBy, 1);
            if (!oldest.isEmpty()) { // none: a mention answered since the counts were read
                rows.add(new OwnerRow(new OwnerCount(owner, (int) n[0], (int) Math.max(0, n[1])), oldest.get(0).receivedAt()));
            }
        }
        return oldestFirst(rows);
    }

    /** Per owner key: [due, escalated]; empty when there are too many owners to start from their counts. */
    private static Optional<Map<String, long[]>> dueFromKeptCounts(Connection c, Instant at, Optional<Instant> dueBy,
                                                                   Optional<Instant> escalatedBy) throws SQLException {
        Map<String, Long> held = OwnerCounts.holding(c);
        if (held.size() > OWNERS_FROM_KEPT_COUNTS) {
            return Optional.empty();
        }
        Map<String, long[]> out = new LinkedHashMap<>();
        held.forEach((owner, n) -> out.put(owner, new long[] {n, n}));
        Optional<Instant> youngAfter = dueBy.isEmpty() ? escalatedBy
                : escalatedBy.filter(e -> e.isBefore(dueBy.get())).or(() -> dueBy);
        if (youngAfter.isPresent()) { // received after an age: too young to be due, or due but not escalated
            for (MentionState state : WAITING) {
                try (PreparedStatement ps = c.prepareStatement("SELECT assignee, received_at, snoozed_until FROM mentions"
                        + " WHERE state = ? AND received_at > ?")) {
                    ps.setString(1, state.id());
                    ps.setObject(2, ts(youngAfter.get()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long[] n = out.get(ownerKey(rs.getString(1)));
                            if (n == null) {
                                continue; // written after the counts were read
                            }
                            Instant received = instant(rs, 2);
                            Instant snoozed = instant(rs, 3);
                            if (dueBy.isPresent() && received.isAfter(dueBy.get())) {
                                n[0]--;
                                n[1]--;
                            } else if (escalatedBy.isPresent() && received.isAfter(escalatedBy.get())
                                    && (snoozed == null || !snoozed.isAfter(at))) {
                                n[1]--; // due, not yet escalated (a snoozed one is taken off below)
                            }
                        }
                    }
                }
            }
        }
        for (MentionState state : WAITING) { // snoozed now, and old enough to be due otherwise
            // the age is checked here, not in the query: with it there, H2 walks mentions_waiting_counts instead
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT assignee, received_at FROM mentions WHERE state = ? AND snoozed_until > ?")) {
                ps.setString(1, state.id());
                ps.setObject(2, ts(at));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] n = out.get(ownerKey(rs.getString(1)));
                        if (n != null && (dueBy.isEmpty() || !instant(rs, 2).isAfter(dueBy.get()))) {
                            n[0]--;
                            n[1]--;
                        }
                    }
                }
            }
        }
        return Optional.of(out);
    }

    private static String ownerKey(String assigneeColumn) {
        return OwnerCounts.key(assignee(assigneeColumn));
    }

    /**
     * {@link #waitingByOwner} for many owners: one pass over mentions_waiting_counts, no row or
     * text fetched (and, in MentionStoreTest, what the kept counts must agree with).
     */
    List<OwnerCount> countedInOnePass(Instant now, Optional<Instant> dueBy, Optional<Instant> escalatedBy) {
        List<Object> args = new ArrayList<>();
        escalatedBy.ifPresent(t -> args.add(ts(t)));
        String escalated = escalatedBy.isPresent() ? "SUM(CASE WHEN received_at <= ? THEN 1 ELSE 0 END)" : "COUNT(*)";
        String sql = "SELECT assignee, COUNT(*), " + escalated + ", MIN(received_at) FROM mentions"
                + " WHERE state IN ('open', 'in_progress')" + dueCondition(now, dueBy, args) + " GROUP BY assignee";
        return oldestFirst(tx(c -> {
            List<OwnerRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OwnerRow(new OwnerCount(assignee(rs.getString(1)), rs.getInt(2), rs.getInt(3)),
                                instant(rs, 4)));
                    }
                }
            }
            return out;
        }));
    }

    /** An owner's counts and their oldest mention that is due. */
    private record OwnerRow(OwnerCount count, Instant oldest) {
    }

    private static List<OwnerCount> oldestFirst(List<OwnerRow> rows) {
        return rows.stream().sorted(Comparator.comparing(OwnerRow::oldest)
                        .thenComparing(r -> r.count().owner().map(PersonRef::key).orElse("")))
                .map(OwnerRow::count).toList();
    }

    /** How many waiting mentions an owner (or nobody, when empty) has that a reminder counts. */
    public record OwnerCount(Optional<PersonRef> owner, int waiting, int escalated) {
    }

    /**
     * The oldest waiting mentions of one owner, of nobody or of anyone that a reminder counts (as
     * {@link #waitingByOwner}), at most {@code limit}: the lines a reminder shows.
     */
    public List<Mention> oldestDue(Whose whose, Instant now, Optional<Instant> dueBy, int limit) {
        List<Object> args = new ArrayList<>();
        String due = dueCondition(now, dueBy, args);
        return pages(WAITING, whose, due, args, limit);
    }

    /** Whether this owner, nobody or anyone has a waiting mention a reminder counts. */
    public boolean anyDue(Whose whose, Instant now, Optional<Instant> dueBy) {
        return !oldestDue(whose, now, dueBy, 1).isEmpty();
    }

    /**
     * Everyone who holds a mention, in any state, at most {@code max} of them (empty when there
     * are more): one seek of mentions_owner_order per owner, so this costs what the number of
     * people costs, whatever the number of mentions.
     */
    public Optional<List<PersonRef>> owners(int max) {
        return tx(c -> {
            List<PersonRef> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT assignee FROM mentions WHERE assignee > ? ORDER BY assignee FETCH FIRST 1 ROWS ONLY")) {
                String last = "";
                while (true) {
                    ps.setString(1, last);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.of(out);
                        }
                        last = rs.getString(1);
                    }
                    if (out.size() == max) {
                        return Optional.empty();
                    }
                    assignee(last).ifPresent(out::add);
                }
            }
        });
    }

    /** The condition "not snoozed at now, and received by dueBy", its values added to {@code args}. */
    private static String dueCondition(Instant now, Optional<Instant> dueBy, List<Object> args) {
        // to the microsecond, as stored: a snooze that ends within this microsecond has ended, as in Mention.snoozedAt
        args.add(ts(now.truncatedTo(ChronoUnit.MICROS)));
        dueBy.ifPresent(t -> args.add(ts(t)));
        return " AND (snoozed_until IS NULL OR snoozed_until <= ?)" + (dueBy.isPresent() ? " AND received_at <= ?" : "");
    }

    /**
     * Mentions in these states, of whom, matching {@code where} (with its values), oldest first,
     * at most {@code limit}: one page per state, each read in order from an index
     * (mentions_state_order, mentions_owner_order) and cut at the limit, then merged, so no
     * query sorts every open mention. The pages are separate queries with the state as a value,
     * not one UNION: H2 keeps a plain query parsed for the next call, but parses and plans a
     * UNION again at every call, which cost a list 0.1-0.4 ms.
     */
    private List<Mention> pages(List<MentionState> states, Whose whose, String where, List<Object> whereArgs, int limit) {
        java.util.Objects.requireNonNull(whose, "whose");
        int n = Math.max(1, limit);
        String owner = whose instanceof Whose.Anyone ? "" : whose instanceof Whose.Nobody ? " AND assignee IS NULL"
                : " AND assignee = ?";
        // ordered as the index is, leading columns included: H2 reads an index in order only then
        String sql = "SELECT " + COLUMNS + " FROM mentions WHERE state = ?" + owner + where + " ORDER BY "
                + (whose instanceof Whose.Anyone ? "" : "assignee, ") + "state, received_at, id FETCH FIRST " + n + " ROWS ONLY";
        List<MentionState> each = states.isEmpty() ? List.of(MentionState.values()) : states;
        List<Mention> merged = tx(c -> {
            List<Mention> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(Math.min(n, 1000));
                for (MentionState state : each) {
                    int i = 1;
                    ps.setString(i++, state.id());
                    if (whose instanceof Whose.One one) {
                        ps.setString(i++, one.person().key());
                    }
                    for (Object arg : whereArgs) {
                        ps.setObject(i++, arg);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(read(rs));
                        }
                    }
                }
            }
            return out;
        });
        if (each.size() > 1) {
            merged.sort(Comparator.comparing(Mention::receivedAt).thenComparingLong(Mention::id));
        }
        return merged.size() > n ? new ArrayList<>(merged.subList(0, n)) : merged;
    }

    /** Whether this assignee holds a mention (for "unknown person" answers). */
    public boolean hasAssignee(PersonRef assignee) {
        return !list("SELECT " + COLUMNS + " FROM mentions WHERE assignee = ? FETCH FIRST 1 ROWS ONLY", assignee.key())
                .isEmpty();
    }

    /** Open and in-progress mentions nobody owns, oldest first, at most {@code limit}. */
    public List<Mention> unassigned(int limit) {
        return listed(WAITING, Whose.NOBODY, limit);
    }

    /** How many mentions people in this group hold, whatever their state. */
    public long heldBy(List<PersonRef> group) {
        if (group.isEmpty()) {
            return 0;
        }
        String marks = String.join(", ", group.stream().map(g -> "?").toList());
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM mentions WHERE assignee IN (" + marks + ")")) {
                for (int i = 0; i < group.size(); i++) {
                    ps.setString(i + 1, group.get(i).key());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public long count() {
        return tx(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM mentions")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public List<MentionEvent> history(long id) {
        return tx(c -> {
            List<MentionEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT mention_id, at, actor, action, detail FROM mention_events WHERE mention_id = ? ORDER BY id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MentionEvent(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    private static void event(Connection c, long id, Instant at, String actor, String action, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mention_events (mention_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setObject(2, ts(at));
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
        if (action.equals("answered")) { // the first answer, kept on the mention for stats (V9)
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE mentions SET answered_at = ? WHERE id = ? AND (answered_at IS NULL OR answered_at > ?)")) {
                ps.setObject(1, ts(at));
                ps.setLong(2, id);
                ps.setObject(3, ts(at));
                ps.executeUpdate();
            }
        }
    }

    private Optional<Mention> one(String sql, Object arg) {
        List<Mention> l = list(sql, arg);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<Mention> list(String sql, Object... args) {
        return tx(c -> {
            List<Mention> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Mention read(ResultSet rs) throws SQLException {
        return new Mention(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs, 7), assignee(rs.getString(8)), MentionState.parse(rs.getString(9)),
                instant(rs, 10), rs.getString(11));
    }

    /** The assignee column: empty when nobody owns the mention. */
    static Optional<PersonRef> assignee(String column) {
        return Optional.ofNullable(column).filter(a -> !a.isBlank()).map(PersonRef::parse);
    }

    private <T> T tx(Database.Work<T> work) {
        try {
            return db.inTransaction(work);
        } catch (SQLException e) {
            throw StoreUnavailableException.failed("mentions", e);
        }
    }
}
