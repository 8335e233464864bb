package io.candor.history;

import io.candor.review.Draft;
import io.candor.review.Writer;
import io.candor.similar.Fingerprint;
import io.candor.similar.LshIndex;
import io.candor.store.Database;
import io.candor.store.HistoryRow;
import io.candor.store.HistoryStore;
import io.candor.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The team's post history: the database rows plus the in-memory LSH index over their
 * signatures, loaded once at start and kept in step with rows other processes store
 * ({@link #refresh()}, by id watermark). A History can also be empty (nothing stored, nothing
 * remembered) or unavailable (the database could not be used; reviews carry on without it
 * and say so). Thread-safe.
 */
public final class History implements AutoCloseable {
    /** The longest text kept (the database column's size). */
    static final int MAX_TEXT = 40_000;
    private final HistorySettings settings;
    private final Sketcher sketcher;
    private final Clock clock;
    private final LshIndex index;
    private final Database db;
    private final HistoryStore store;
    private final String problem;
    private final boolean ownsDb;
    /** Rows the index holds, by id, so {@link #refresh()} reads only what others stored since. */
    private final IdWatermark seen = new IdWatermark(GAP_WAIT_NANOS);
    /** A row that becomes visible this long after a higher id did is not waited for any more. */
    static final long GAP_WAIT_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
    /**
     * Texts of posts lately quoted in findings: a post copied again and again is read from
     * the database once, not at every copy. Cleared by a purge, so retention still holds.
     */
    private final Map<Long, String> recentBodies = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > 4096;
        }
    });

    private History(HistorySettings settings, Clock clock, int expected, Database db, String problem) {
        this(settings, clock, expected, db, problem, true);
    }

    private History(HistorySettings settings, Clock clock, int expected, Database db, String problem, boolean ownsDb) {
        this.settings = settings;
        this.sketcher = new Sketcher(settings);
        this.clock = clock;
        this.index = new LshIndex(Sketcher.WIDTH, expected);
        this.db = db;
        this.store = db == null ? null : new HistoryStore(db);
        this.problem = problem;
        this.ownsDb = ownsDb;
    }

    /**
     * Opens the database at {@code location} and loads the signatures kept for
     * {@code keep_signature_days} into the index.
     *
     * @throws StoreUnavailableException when the database cannot be used (the message says why)
     */
    public static History open(String location, HistorySettings settings, Clock clock) {
        Database db = Database.open(location);
        try {
            HistoryStore store = new HistoryStore(db);
            long n = store.count();
            History h = new History(settings, clock, (int) Math.min(Integer.MAX_VALUE - 64, n + 1024), db, null);
            h.load();
            return h;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * The history kept in a database someone else opened and will close ({@code candor serve}
     * shares one pool between history, mentions and feedback).
     */
    public static History over(Database db, HistorySettings settings, Clock clock) {
        long n = new HistoryStore(db).count();
        History h = new History(settings, clock, (int) Math.min(Integer.MAX_VALUE - 64, n + 1024), db, null, false);
        h.load();
        return h;
    }

    /**
     * Opens the history for a long-running reviewer (the chat bot, the terminal): when the
     * database cannot be used, an unavailable history whose reviews say so, never an error.
     */
    public static History openOrUnavailable(String location, HistorySettings settings, Clock clock) {
        try {
            return open(location, settings, clock);
        } catch (StoreUnavailableException e) {
            return unavailable(settings, clock, e.getMessage());
        }
    }

    /** A history with nothing in it that remembers nothing: for reviews that must not store. */
    public static History empty(HistorySettings settings, Clock clock) {
        return new History(settings, clock, 16, null, null);
    }

    /** Stands in when the database cannot be used; {@link #problem()} says why. */
    public static History unavailable(HistorySettings settings, Clock clock, String why) {
        return new History(settings, clock, 16, null, why);
    }

    private void load() {
        Instant since = settings.signatureCutoff(clock.instant());
        long now = System.nanoTime();
        Map<Long, HistoryStore.Signature> older = new java.util.HashMap<>();
        store.forEachSignature(since, s -> {
            seen.apply(s.id(), now);
            if (s.anchors() == null) {
                older.put(s.id(), s); // stored before anchors existed: filed below, from its text
            } else {
                add(s, fingerprint(s));
            }
        });
        if (!older.isEmpty()) {
            fileOlderRows(since, older);
        }
    }

    private static Fingerprint fingerprint(HistoryStore.Signature s) {
        return new Fingerprint(s.signature(), Fingerprint.parseAnchors(s.anchors()), s.shingles(), s.pairs());
    }

    /**
     * Rows from before anchors were kept get them from their normalized text, once (and the
     * database keeps them). Those whose text is already gone cannot be looked up any more.
     */
    private void fileOlderRows(Instant since, Map<Long, HistoryStore.Signature> older) {
        List<HistoryRow> done = new ArrayList<>();
        store.forEachWithoutAnchors(since, (id, normalized) -> {
            HistoryStore.Signature s = older.get(id);
            if (s == null || normalized == null || normalized.isBlank()) {
                return;
            }
            Sketch sk = sketcher.sketchOf(List.of(normalized.split(" ")));
            if (sk.isEmpty()) {
                return;
            }
            Fingerprint f = new Fingerprint(s.signature(), sk.fingerprint().anchors(), sk.fingerprint().shingles(),
                    sk.fingerprint().pairs());
            add(s, f);
            done.add(new HistoryRow(id, s.team(), s.author(), "", s.platforms(), s.postedAt(), null, null, s.signature(),
                    f.anchorsColumn(), f.shingles(), f.pairs(), s.posted(), null));
        });
        try {
            store.setAnchors(done);
        } catch (StoreUnavailableException e) {
            System.err.println("candor: could not save the anchors of older history rows: " + e.getMessage());
        }
    }

    private void add(HistoryStore.Signature s, Fingerprint f) {
        index.add(s.id(), f, s.postedAt().toEpochMilli(), PlatformMask.parseColumn(s.platforms()), s.posted(),
                s.author(), s.team(), s.conversation());
    }

    /**
     * Adds to the index what other processes stored since the last look (another
     * {@code candor serve} on the same PostgreSQL, a {@code candor review} or
     * {@code candor history posted} beside this one). Returns how many posts it added.
     *
     * @throws StoreUnavailableException when the database cannot be read now
     */
    public int refresh() {
        if (store == null) {
            return 0;
        }
        long cutoff = settings.signatureCutoff(clock.instant()).toEpochMilli();
        int[] added = {0};
        long now = System.nanoTime();
        store.forEachSignatureAfter(seen.high(), seen.openGaps(now), s -> {
            // every process that stores a post stores its anchors: a row without them is older than that
            if (seen.apply(s.id(), now) && s.anchors() != null && s.postedAt().toEpochMilli() >= cutoff) {
                add(s, fingerprint(s));
                added[0]++;
            }
        });
        return added[0];
    }

    /**
     * Refreshes the index every {@code every} on the given scheduler (for {@code serve}), so a
     * near-copy of a post remembered by another instance is found here within about that long.
     * A database that is gone is said once a minute in the log; the index keeps what it has.
     */
    public ScheduledFuture<?> follow(ScheduledExecutorService scheduler, java.time.Duration every) {
        long[] lastWarning = {0};
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (StoreUnavailableException e) {
                long t = System.nanoTime();
                if (lastWarning[0] == 0 || t - lastWarning[0] > 60_000_000_000L) {
                    lastWarning[0] = t;
                    System.err.println("candor: history not refreshed from the database: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                System.err.println("candor: history refresh failed: " + e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why history cannot be used right now, or empty when it can. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public HistorySettings settings() {
        return settings;
    }

    public Sketch sketch(String text) {
        return sketcher.sketch(text);
    }

    /**
     * Earlier texts of the team that this one copies, since a time: near-copies (at least
     * {@code history.similarity} alike) and adapted copies (at least {@code containment} of the
     * shorter inside the longer, {@code min_shared_words} words or more); best first. Their
     * texts are not read here: see {@link #body(long)}.
     */
    public List<Earlier> similar(Sketch s, String team, Instant since, int limit) {
        return similar(s, team, since, limit, settings.criteria());
    }

    /** Near-copies only (Jaccard at least {@code history.similarity}): for short texts like thank-yous. */
    public List<Earlier> nearCopies(Sketch s, String team, Instant since, int limit) {
        return similar(s, team, since, limit, LshIndex.Criteria.jaccardOnly(settings.similarity()));
    }

    private List<Earlier> similar(Sketch s, String team, Instant since, int limit, LshIndex.Criteria c) {
        List<Earlier> out = new ArrayList<>();
        if (s.isEmpty() || problem != null) {
            return out;
        }
        for (LshIndex.Match m : index.similar(s.fingerprint(), team, c, since.toEpochMilli(), limit)) {
            out.add(new Earlier(m.postId(), m.similarity(), m.containment(), m.contained(), m.pairs(),
                    Instant.ofEpochMilli(m.postedAtMillis()), PlatformMask.platforms(m.platforms()), m.author(), m.posted(),
                    m.conversation()));
        }
        return out;
    }

    /**
     * Stores a reviewed draft, then indexes it. A draft with no words to compare is not kept.
     *
     * @throws StoreUnavailableException when the database refuses it (disk full, read-only)
     */
    public void remember(Draft d, Sketch s) {
        keep(d, s, false, clock.instant());
    }

    /**
     * Stores a post the writer says they published ("I posted this", {@code candor history
     * posted}, a mention's answer), then indexes it. Nothing is posted anywhere.
     *
     * @return false when the text has no words to compare, so nothing was kept
     * @throws StoreUnavailableException when the database cannot be used
     */
    public boolean recordPosted(Draft d) {
        return recordPosted(d, clock.instant());
    }

    private boolean recordPosted(Draft d, Instant at) {
        if (problem != null) {
            throw new StoreUnavailableException(problem, null);
        }
        Sketch s = sketch(d.text());
        if (s.isEmpty() || store == null) {
            return false;
        }
        keep(d, s, true, at);
        return true;
    }

    /**
     * Stores a published post straight into a database, without loading the index (for
     * {@code candor history posted}, which only writes).
     *
     * @return false when the text has no words to compare, so nothing was kept
     */
    public static boolean storePosted(Database db, HistorySettings settings, Draft d, Instant at) {
        Sketch s = new Sketcher(settings).sketch(d.text());
        if (s.isEmpty()) {
            return false;
        }
        Fingerprint f = s.fingerprint();
        new HistoryStore(db).insert(new HistoryRow(0, d.team(), d.author(), d.source(), PlatformMask.column(d.platforms()),
                at, d.text(), s.normalized(), f.signature(), f.anchorsColumn(), f.shingles(), f.pairs(), true, null));
        return true;
    }

    /**
     * Keeps the reply that answered a social mention, as published on the mention's platform
     * (from the mentions webhook). Returns false when it could not be kept (no words, or the
     * database is unavailable); the mention is answered either way.
     */
    public boolean recordAnswer(String platform, String text, String author, String team) {
        return recordAnswer(platform, text, author, team, "webhook", clock.instant());
    }

    /**
     * The same, for a reply that came from {@code source} (a network poller that found it there)
     * and was published at {@code at}.
     */
    public boolean recordAnswer(String platform, String text, String author, String team, String source, Instant at) {
        if (text == null || text.length() > MAX_TEXT) {
            return false; // longer than any draft Candor reviews, and than the text column
        }
        try {
            return recordPosted(answer(platform, text, author, team, source), at);
        } catch (StoreUnavailableException e) {
            System.err.println("candor: an answer could not be kept in the history: " + e.getMessage());
            return false;
        }
    }

    /**
     * Stores an answer as published straight into a database, without loading the index (for
     * {@code candor mentions pull --once}, which only writes).
     *
     * @return false when it was not kept (too long, or no words to compare)
     */
    public static boolean storeAnswer(Database db, HistorySettings settings, String platform, String text, String author,
                                      String team, String source, Instant at) {
        return text != null && text.length() <= MAX_TEXT
                && storePosted(db, settings, answer(platform, text, author, team, source), at);
    }

    private static Draft answer(String platform, String text, String author, String team, String source) {
        List<io.candor.platform.Platform> on = io.candor.platform.Platform.find(platform == null ? "" : platform)
                .map(List::of).orElse(List.of());
        return new Draft(text, on, Optional.empty(),
                Writer.fromTool(source, author == null || author.isBlank() ? source : author.strip(), team));
    }

    private void keep(Draft d, Sketch s, boolean posted, Instant at) {
        if (s.isEmpty() || store == null) {
            return;
        }
        Fingerprint f = s.fingerprint();
        String conversation = ConversationKey.of(d).column();
        long id = store.insert(new HistoryRow(0, d.team(), d.author(), d.source(), PlatformMask.column(d.platforms()),
                at, d.text(), s.normalized(), f.signature(), f.anchorsColumn(), f.shingles(), f.pairs(), posted, null,
                conversation));
        if (seen.apply(id, System.nanoTime())) { // else a refresh already read it back
            index.add(id, f, at.toEpochMilli(), PlatformMask.of(d.platforms()), posted, d.author(), d.team(), conversation != null);
        }
    }

    /**
     * The newest draft this writer reviewed in this team whose text {@code matches} (among
     * their last 200), with its text: what "I posted this" on a review refers to.
     */
    public Optional<Reviewed> lastReviewed(String author, String team, java.util.function.Predicate<String> matches) {
        if (store == null || problem != null) {
            return Optional.empty();
        }
        for (long id : index.newestReviewedBy(author, team, 200)) { // the database is read outside the index's lock
            Optional<String> b = body(id);
            if (b.isPresent() && matches.test(b.get())) {
                return store.platformsOf(id).map(p -> new Reviewed(id, b.get(), PlatformMask.platforms(PlatformMask.parseColumn(p))));
            }
        }
        return Optional.empty();
    }

    /** A reviewed draft found again: its id, text and the platforms it was reviewed for. */
    public record Reviewed(long id, String text, List<io.candor.platform.Platform> platforms) {
    }

    /** Applies retention: texts after keep_text_days, whole posts after keep_signature_days. */
    public HistoryStore.Purged purge() {
        if (store == null) {
            return new HistoryStore.Purged(0, 0);
        }
        Instant now = clock.instant();
        Instant postCutoff = settings.signatureCutoff(now);
        HistoryStore.Purged p = store.purge(settings.textCutoff(now), postCutoff);
        index.forgetOlderThan(postCutoff.toEpochMilli());
        recentBodies.clear(); // after the delete, so no text removed by it stays quotable
        return p;
    }

    /** Purges now and then every {@code history.purge_every_hours}, on the given scheduler (for {@code serve}). */
    public ScheduledFuture<?> schedulePurge(ScheduledExecutorService scheduler) {
        long every = Math.max(1, settings.purgeEveryHours());
        return scheduler.scheduleAtFixedRate(() -> {
            try {
                purge();
            } catch (StoreUnavailableException e) {
                System.err.println("candor: history purge skipped: " + e.getMessage());
            }
        }, 0, every, TimeUnit.HOURS);
    }

    /** Posts the index answers for. */
    public int indexed() {
        return index.size();
    }

    public LshIndex index() {
        return index;
    }

    /** The database this history keeps its posts in, when there is one (team stats are kept beside them). */
    public Optional<Database> database() {
        return Optional.ofNullable(db);
    }

    /** The database behind this history, when there is one. */
    public Optional<HistoryStore> store() {
        return Optional.ofNullable(store);
    }

    /**
     * The conversations of earlier posts, by id ({@link ConversationKey#NONE} when unknown or when
     * the database cannot say now: the copy is then taken for an edit, never called a template).
     */
    public Map<Long, ConversationKey> conversations(java.util.Collection<Long> ids) {
        Map<Long, ConversationKey> out = new java.util.HashMap<>();
        if (store == null || ids.isEmpty()) {
            return out;
        }
        try {
            store.conversations(ids).forEach((id, c) -> out.put(id, ConversationKey.parse(c)));
        } catch (StoreUnavailableException e) {
            // unknown: treated as the same conversation
        }
        return out;
    }

    /** The text of an earlier post while it is kept (empty after keep_text_days or when the database fails). */
    public Optional<String> body(long id) {
        if (store == null) {
            return Optional.empty();
        }
        String cached = recentBodies.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            Optional<String> b = store.body(id);
            b.ifPresent(text -> recentBodies.put(id, text));
            return b;
        } catch (StoreUnavailableException e) {
            return Optional.empty(); // the finding still names when, where and who
        }
    }

    @Override
    public void close() {
        if (db != null && ownsDb) {
            db.close();
        }
    }
}
