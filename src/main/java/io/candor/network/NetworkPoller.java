package io.candor.network;

import io.candor.fault.StorageFailure;
import io.candor.mention.MentionTracker;
import io.candor.mention.model.Ingested;
import io.candor.mention.model.Mention;
import io.candor.mention.model.NewMention;
import io.candor.store.NetworkCursorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each configured account every {@code networks.poll_seconds}: new notifications go in
 * through {@link MentionTracker#ingest} (the webhook's path: de-duplication by platform and
 * source id, owners, reminders, stats), then the account's own replies close the mentions they
 * answer, at the reply's time, and are kept as published posts. Where it got to is saved in the
 * database after each page read forward, under a lease, so one instance of several reads an
 * account at a time and a restart resumes where the last one stopped.
 *
 * <p>Faults never stop it: a refusal (401, 403, a token that may write) is one log line and a
 * reason on {@code /readyz}; a rate limit waits as the network says; a 5xx, a timeout or a
 * database outage backs off, doubling from {@code poll_seconds} up to 15 minutes.
 */
public final class NetworkPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkPoller.class);
    static final Duration LONGEST_BACK_OFF = Duration.ofMinutes(15);
    /** A lease lasts this many polls, at least {@link #SHORTEST_LEASE}: one slow poll does not hand the account over. */
    private static final int LEASE_POLLS = 3;
    private static final Duration SHORTEST_LEASE = Duration.ofSeconds(30);

    /** Where a reply the team published there is remembered (the history, as a post). */
    public interface PublishedReplies {
        void published(Mention answered, OwnReply reply, String platform, String author);
    }

    /** One account and what this instance knows of it. */
    private static final class Account {
        final Connector connector;
        volatile String key;
        volatile String problem;
        int failures;

        Account(Connector connector) {
            this.connector = connector;
        }
    }

    private final List<Account> accounts = new ArrayList<>();
    private final MentionTracker tracker;
    private final NetworkCursorStore cursors;
    private final PublishedReplies published;
    private final NetworkSettings settings;
    private final Clock clock;
    private final String owner;
    private final Map<String, Instant> lastStoreWarning = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    /** @param owner this instance's name for the leases (unique among instances on the database) */
    public NetworkPoller(List<Connector> connectors, MentionTracker tracker, NetworkCursorStore cursors,
                         PublishedReplies published, NetworkSettings settings, Clock clock, String owner) {
        connectors.forEach(c -> accounts.add(new Account(c)));
        this.tracker = tracker;
        this.cursors = cursors;
        this.published = published;
        this.settings = settings;
        this.clock = clock;
        this.owner = owner;
    }

    public List<Connector> connectors() {
        return accounts.stream().map(a -> a.connector).toList();
    }

    /** Why this account is not being read, for {@code /readyz}: empty while it is (or may be). */
    public Optional<String> problem(Connector c) {
        return accounts.stream().filter(a -> a.connector == c).findFirst().map(a -> a.problem);
    }

    /** Polls each account once, in turn, now (the command line's {@code mentions pull --once}). */
    public List<PollReport> pollAll() {
        return accounts.stream().map(this::poll).toList();
    }

    /** Starts polling every account on one background thread, the first poll at once. */
    public synchronized void start() {
        if (timer != null || accounts.isEmpty()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "candor-networks");
            t.setDaemon(true);
            return t;
        });
        accounts.forEach(a -> timer.schedule(() -> pollAndReschedule(a), 0, TimeUnit.MILLISECONDS));
    }

    private void pollAndReschedule(Account a) {
        Duration next = Duration.ofSeconds(settings.pollSeconds());
        try {
            PollReport r = poll(a);
            if (r.retryAt() != null) {
                next = Duration.between(clock.instant(), r.retryAt());
            }
        } catch (RuntimeException e) {
            // a fault of Candor's own: named by class (a message could quote what was read), then carry on
            LOG.error("{} {}: polling failed: {}", a.connector.platform(), a.connector.label(), e.getClass().getName());
        }
        ScheduledExecutorService t = timer;
        if (t != null && !t.isShutdown()) {
            t.schedule(() -> pollAndReschedule(a), Math.max(100, next.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private PollReport poll(Account a) {
        Connector c = a.connector;
        Instant now = clock.instant();
        Counts n = new Counts();
        try {
            if (a.key == null) {
                a.key = c.connect();
            }
            if (!cursors.lease(a.key, owner, now, now.plus(lease()))) {
                a.problem = null;
                return report(a, PollReport.Outcome.ELSEWHERE, n, null, null);
            }
            NetworkCursorStore.Cursor from = cursors.cursor(a.key);
            Instant since = now.minus(Duration.ofDays(settings.firstPullDays()));
            String mentions = c.mentions(from.notifications(), since, settings.kindSet(), page -> {
                if (!page.items().isEmpty()) {
                    for (Ingested i : tracker.ingest(page.items(), c.platform())) {
                        n.add(i.created());
                    }
                }
                n.skipped = n.skipped.plus(page.skipped());
                save(a, new NetworkCursorStore.Cursor(page.cursor(), null));
            });
            save(a, new NetworkCursorStore.Cursor(mentions, null));
            String posts = c.ownReplies(from.posts(), since, page -> {
                for (OwnReply r : page.items()) {
                    tracker.answeredThere(c.platform(), r.parentId(), c.platform(), r.at()).ifPresent(m -> {
                        n.answered++;
                        published.published(m, r, c.platform(), c.label());
                    });
                }
                n.skipped = n.skipped.plus(page.skipped());
                save(a, new NetworkCursorStore.Cursor(null, page.cursor()));
            });
            save(a, new NetworkCursorStore.Cursor(null, posts));
            if (a.problem != null) {
                LOG.info("{} {}: read again", c.platform(), c.label());
            }
            a.problem = null;
            a.failures = 0;
            PollReport r = report(a, PollReport.Outcome.POLLED, n, null, null);
            if (r.created() + r.answered() + r.skipped().total() > 0) {
                LOG.info("{} {}: {} new mention(s), {} already known, {} answered there, {} skipped"
                                + " ({} malformed, {} deleted, {} blocked)", c.platform(), c.label(), r.created(), r.known(),
                        r.answered(), r.skipped().total(), r.skipped().malformed(), r.skipped().deleted(), r.skipped().blocked());
            }
            return r;
        } catch (LeaseLost e) {
            return report(a, PollReport.Outcome.ELSEWHERE, n, null, null);
        } catch (NetworkFault f) {
            return fault(a, f, n);
        } catch (StorageFailure e) {
            a.failures++;
            Instant last = lastStoreWarning.getOrDefault(c.label(), Instant.MIN);
            if (now.isAfter(last.plus(Duration.ofMinutes(1)))) { // one line a minute: the log may share the full disk
                lastStoreWarning.put(c.label(), now);
                LOG.warn("{} {}: the database is not available ({}); trying again later", c.platform(), c.label(), e.reason());
            }
            return report(a, PollReport.Outcome.STORE_DOWN, n, backOff(a), e.reason());
        }
    }

    private PollReport fault(Account a, NetworkFault f, Counts n) {
        Connector c = a.connector;
        switch (f.kind()) {
            case REFUSED -> {
                String problem = c.label() + ": " + f.reason();
                if (!problem.equals(a.problem)) { // one line when it starts, not one a poll
                    LOG.warn("{} {}: {}; Candor goes on without this account", c.platform(), c.label(), f.reason());
                }
                a.problem = problem;
                a.key = null; // connect again next time: a new token or session may have been made meanwhile
                a.failures++;
                return report(a, PollReport.Outcome.REFUSED, n, backOff(a), f.reason());
            }
            case RATE_LIMITED -> {
                LOG.info("{} {}: rate limited; polling again at {}", c.platform(), c.label(), f.retryAt());
                return report(a, PollReport.Outcome.RATE_LIMITED, n, f.retryAt(), f.reason());
            }
            default -> {
                if (a.failures == 0 && !Thread.currentThread().isInterrupted()) { // interrupted: stopping, nothing to say
                    LOG.warn("{} {}: {}; backing off", c.platform(), c.label(), f.reason());
                }
                a.failures++;
                return report(a, PollReport.Outcome.UNAVAILABLE, n, backOff(a), f.reason());
            }
        }
    }

    /** poll_seconds doubled per failure in a row, at most 15 minutes (or poll_seconds, if longer). */
    private Instant backOff(Account a) {
        long base = settings.pollSeconds();
        long cap = Math.max(base, LONGEST_BACK_OFF.toSeconds());
        long wait = Math.min(cap, base << Math.min(20, a.failures));
        return clock.instant().plusSeconds(wait);
    }

    private Duration lease() {
        Duration d = Duration.ofSeconds((long) settings.pollSeconds() * LEASE_POLLS);
        return d.compareTo(SHORTEST_LEASE) < 0 ? SHORTEST_LEASE : d;
    }

    /** Saves what was read so far (a null part stays) and renews the lease; stops the poll when it was lost. */
    private void save(Account a, NetworkCursorStore.Cursor c) {
        Instant now = clock.instant();
        if (!cursors.save(a.key, owner, c, now, now.plus(lease()))) {
            throw new LeaseLost();
        }
    }

    private PollReport report(Account a, PollReport.Outcome o, Counts n, Instant retryAt, String reason) {
        return new PollReport(a.connector.platform(), a.connector.label(), o, n.created, n.known, n.answered, n.skipped,
                retryAt, reason);
    }

    private static final class Counts {
        int created;
        int known;
        int answered;
        Skipped skipped = Skipped.NONE;

        void add(boolean isNew) {
            if (isNew) {
                created++;
            } else {
                known++;
            }
        }
    }

    /** Another instance took the account over while this one was slow: it carries on from the saved cursor. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }

    /** Stops polling and lets the leases go, so another instance takes over at once. Call before the database closes. */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Account a : accounts) {
            if (a.key != null) {
                try {
                    cursors.release(a.key, owner);
                } catch (StorageFailure ignored) {
                    // the lease runs out by itself
                }
            }
        }
    }
}
