package io.candor.store;

import static io.candor.store.Times.instant;
import static io.candor.store.Times.ts;

import io.candor.identity.PersonRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The daily reminders' delivery log ({@code sent_reminders}, V3): which reminder each instance
 * took for delivery, which reached its recipient, which wait for a retry and which were given
 * up on. Its key ({@code dm:alice:2026-11-23}) is unique, so of several instances exactly one
 * delivers a reminder. Every call is one transaction.
 */
public final class SentReminders {
    /** The recipient column of a reminder that goes to the team's channel rather than a person. */
    private static final String TEAM = "team";

    private final Database db;

    public SentReminders(Database db) {
        this.db = db;
    }

    /** This instance holds a reminder to deliver: its {@code attempt} (1 = first) and when the first was made. */
    public record Claim(int attempt, Instant firstTriedAt) {
    }

    /**
     * Takes the reminder with this key for delivery: the first time it is due, or again when
     * an earlier attempt failed and its retry time has come. Empty when it was delivered, is
     * being delivered (by this process before a restart, or by another instance), was given
     * up on, or waits for a later retry: then it must not be sent now.
     */
    public Optional<Claim> claim(String key, Optional<PersonRef> recipient, LocalDate day, int mentions, Instant at) {
        try {
            return tx(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO sent_reminders (reminder_key, recipient, local_day, mention_count, sent_at, status,"
                                + " attempts) VALUES (?, ?, ?, ?, ?, 'sending', 1)")) {
                    ps.setString(1, key);
                    ps.setString(2, recipient.map(PersonRef::key).orElse(TEAM));
                    ps.setObject(3, day);
                    ps.setInt(4, mentions);
                    ps.setObject(5, ts(at));
                    ps.executeUpdate();
                    return Optional.of(new Claim(1, at));
                }
            });
        } catch (StoreUnavailableException e) {
            if (!StoreErrors.duplicateKey(e)) {
                throw e;
            }
        }
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sent_reminders SET status = 'sending',"
                    + " attempts = attempts + 1 WHERE reminder_key = ? AND status = 'retry' AND next_attempt_at <= ?")) {
                ps.setString(1, key);
                ps.setObject(2, ts(at));
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT attempts, sent_at FROM sent_reminders WHERE reminder_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(new Claim(rs.getInt(1), instant(rs, 2)));
                }
            }
        });
    }

    /** The claimed reminder reached its recipient. */
    public void delivered(String key, Instant at) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sent_reminders SET status = 'sent', next_attempt_at = NULL, last_error = NULL,"
                            + " sent_at = ? WHERE reminder_key = ?")) {
                ps.setObject(1, ts(at));
                ps.setString(2, key);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The claimed reminder could not be delivered: tried again from {@code retryAt}, or given
     * up on for good when that is null. {@code why} names the failure, not the message.
     */
    public void failed(String key, Instant retryAt, String why) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sent_reminders SET status = ?, next_attempt_at = ?, last_error = ? WHERE reminder_key = ?")) {
                ps.setString(1, retryAt == null ? "failed" : "retry");
                ps.setObject(2, retryAt == null ? null : ts(retryAt));
                ps.setString(3, why.length() > 200 ? why.substring(0, 200) : why);
                ps.setString(4, key);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Keys of reminders for local days in [from, to] that must not be sent at {@code now}:
     * delivered, being delivered, given up on, or waiting for a later retry. One query a run.
     */
    public Set<String> notDue(LocalDate from, LocalDate to, Instant now) {
        return keys("SELECT reminder_key FROM sent_reminders WHERE local_day BETWEEN ? AND ?"
                + " AND (status <> 'retry' OR next_attempt_at > ?)", from, to, ts(now));
    }

    /** Keys of reminders delivered for local days in [from, to]. */
    public Set<String> sent(LocalDate from, LocalDate to) {
        return keys("SELECT reminder_key FROM sent_reminders WHERE local_day BETWEEN ? AND ? AND status = 'sent'",
                from, to);
    }

    private Set<String> keys(String sql, Object... args) {
        return tx(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private <T> T tx(Database.Work<T> work) {
        try {
            return db.inTransaction(work);
        } catch (SQLException e) {
            throw StoreUnavailableException.failed("reminders", e);
        }
    }
}
