package io.candor.store;

import static io.candor.store.Times.ts;

import io.candor.chat.Feedback;
import io.candor.fault.Unwrapped;
import io.candor.identity.ChatKey;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import io.candor.mention.model.MentionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The reads {@code candor stats} makes of mentions, feedback and muted rules, and the
 * weekly digest's sent log ({@code sent_digests}, V7__stats.sql). Only ids, times, owners,
 * states and rule ids are read: never a mention's or a draft's text.
 */
public final class StatsStore {

    private final Database db;
    /** H2 hands a time straight to an Instant; PostgreSQL's driver only to an OffsetDateTime. */
    private final boolean readsInstants;

    public StatsStore(Database db) {
        this.db = db;
        this.readsInstants = !db.isPostgres();
    }

    /** A mention as stats see it: no text. {@code answeredAt} is its first "answered" event in the period asked, if any. */
    public record MentionTiming(long id, String platform, Optional<PersonRef> assignee, MentionState state,
                                Instant receivedAt, Instant answeredAt) {
    }

    /** A rule someone muted, and who. */
    public record Mute(ChatKey who, String rule) {
    }

    /** Presses of one feedback button on one rule by one person. */
    public record Press(ChatKey who, String rule, Feedback kind, long count) {
    }

    /**
     * Mentions received in [from, to), and every mention still waiting whenever it came in,
     * each with the time it was first answered at or after {@code from}.
     */
    public void mentions(Instant from, Instant to, Consumer<MentionTiming> each) {
        List<MentionTiming> answeredBefore = new ArrayList<>();
        Consumer<MentionTiming> counted = m -> {
            if (m.answeredAt() != null && m.answeredAt().isBefore(from)) {
                answeredBefore.add(m); // rare (reopened, or received before the period): its events tell
            } else {
                each.accept(m);
            }
        };
        // from covering indexes (V9): no mention text and no event is read. The later half of the
        // period is read on a second connection and thread while this one counts the earlier half
        // (a year of a busy team is 100,000 rows: reading them is most of a report's time), then
        // counted in turn: the same mentions in the same order as one read of the whole period.
        String received = TIMINGS + " WHERE received_at >= ? AND received_at < ?";
        Instant middle = from.isBefore(to) ? from.plus(Duration.between(from, to).dividedBy(2)) : to;
        CompletableFuture<List<MentionTiming>> later = CompletableFuture.supplyAsync(() -> {
            List<MentionTiming> rows = new ArrayList<>();
            query(received, timing(new HashMap<>(), rows::add), ts(middle), ts(to));
            return rows;
        });
        Map<String, Optional<PersonRef>> owners = new HashMap<>();
        query(received, timing(owners, counted), ts(from), ts(middle));
        Unwrapped.join(later).forEach(counted);
        query(TIMINGS + " WHERE state IN ('open', 'in_progress') AND (received_at < ? OR received_at >= ?)",
                timing(owners, counted), ts(from), ts(to));
        for (MentionTiming m : answeredBefore) {
            Instant[] answered = {null};
            query("SELECT MIN(at) FROM mention_events WHERE mention_id = ? AND action = 'answered' AND at >= ?",
                    rs -> answered[0] = instant(rs, 1), m.id(), ts(from));
            each.accept(new MentionTiming(m.id(), m.platform(), m.assignee(), m.state(), m.receivedAt(), answered[0]));
        }
    }

    /** What stats read of a mention, in the columns {@link #timing} reads. */
    private static final String TIMINGS = "SELECT id, platform, assignee, state, received_at, answered_at FROM mentions";

    /** Reads a row of the mention queries above; each owner's text is parsed once per {@code owners} map. */
    private Row timing(Map<String, Optional<PersonRef>> owners, Consumer<MentionTiming> to) {
        return rs -> to.accept(new MentionTiming(rs.getLong(1), rs.getString(2),
                owners.computeIfAbsent(rs.getString(3), MentionStore::assignee),
                MentionState.parse(rs.getString(4)), instant(rs, 5), instant(rs, 6)));
    }

    public void mutes(Consumer<Mute> each) {
        query("SELECT surface, team, user_id, rule_id FROM muted_rule", rs -> {
            Optional<ChatKey> who = who(rs);
            if (who.isPresent()) {
                each.accept(new Mute(who.get(), rs.getString(4)));
            }
        });
    }

    /** Feedback presses made in [from, to). */
    public void presses(Instant from, Instant to, Consumer<Press> each) {
        // feedback_event.created_at is a TIMESTAMP written with Timestamp.from(instant): compare the same way
        query("SELECT surface, team, user_id, rule_id, kind, COUNT(*) FROM feedback_event"
                        + " WHERE created_at >= ? AND created_at < ? GROUP BY surface, team, user_id, rule_id, kind",
                rs -> {
                    Optional<ChatKey> who = who(rs);
                    String column = rs.getString(5);
                    Optional<Feedback> kind = Arrays.stream(Feedback.values()).filter(f -> f.name().equals(column)).findFirst();
                    if (who.isPresent() && kind.isPresent()) {
                        each.accept(new Press(who.get(), rs.getString(4), kind.get(), rs.getLong(6)));
                    }
                }, Timestamp.from(from), Timestamp.from(to));
    }

    /** The person of a feedback row (surface, team, user id); empty for a surface Candor does not chat on. */
    private static Optional<ChatKey> who(ResultSet rs) throws SQLException {
        String team = rs.getString(2);
        String user = rs.getString(3);
        return SurfaceKind.find(rs.getString(1)).filter(SurfaceKind::chat).map(s -> new ChatKey(s, team, user));
    }

    /** Takes the digest of the week starting {@code week} for sending; false when it was taken before. */
    public boolean claimDigest(LocalDate week, Instant at) {
        try {
            return db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO sent_digests (week_start, sent_at, status) VALUES (?, ?, 'sending')")) {
                    ps.setObject(1, week);
                    ps.setObject(2, ts(at));
                    ps.executeUpdate();
                    return true;
                }
            });
        } catch (SQLException e) {
            if (StoreErrors.duplicateKey(e)) {
                return false;
            }
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** The claimed digest went out. */
    public void digestSent(LocalDate week, Instant at) {
        update("UPDATE sent_digests SET status = 'sent', sent_at = ? WHERE week_start = ?", ts(at), week);
    }

    /** The claimed digest could not be sent: released, so a later check tries again. */
    public void digestFailed(LocalDate week) {
        update("DELETE FROM sent_digests WHERE week_start = ? AND status = 'sending'", week);
    }

    public boolean digestSent(LocalDate week) {
        boolean[] found = {false};
        query("SELECT 1 FROM sent_digests WHERE week_start = ?", rs -> found[0] = true, week);
        return found[0];
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row, Object... args) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.setFetchSize(5_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    private void update(String sql, Object... args) {
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw StoreUnavailableException.from(db.url(), e);
        }
    }

    /** A time column; read as an Instant where the driver can (a year of stats reads 200,000 of them). */
    private Instant instant(ResultSet rs, int col) throws SQLException {
        return readsInstants ? rs.getObject(col, Instant.class) : Times.instant(rs, col);
    }
}
