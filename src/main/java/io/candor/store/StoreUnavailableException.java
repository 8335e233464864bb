package io.candor.store;

import io.candor.fault.StorageFailure;

/**
 * The one exception the store throws: the database cannot be used (locked by another process,
 * missing, read-only, corrupt, the disk full, the server gone) or it refused a value. The
 * message says which, in words a user can act on.
 */
public final class StoreUnavailableException extends StorageFailure {
    private final String reason;

    public StoreUnavailableException(String message, Throwable cause) {
        this(message, cause == null ? message : StoreErrors.reason(cause), cause);
    }

    private StoreUnavailableException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    static StoreUnavailableException from(String location, Throwable e) {
        String why = StoreErrors.reason(e);
        if (why.startsWith("it is locked")) {
            why += " (stop the other one, or give this one its own --db)";
        } else if (why.equals("the file is damaged")) {
            why += " (move it aside and Candor starts a new one)";
        } else if (why.startsWith("database error") || why.startsWith("unexpected")) {
            why = firstWords(e.getMessage(), why);
        }
        return new StoreUnavailableException("the database at " + Database.redact(location) + " cannot be used: "
                + why, StoreErrors.reason(e), e);
    }

    /** A failure while working on one feature's rows: "the mentions database failed: the disk is full". */
    static StoreUnavailableException failed(String what, Throwable e) {
        String why = StoreErrors.reason(e);
        return new StoreUnavailableException("the " + what + " database failed: " + why, why, e);
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public boolean rejected() {
        return getCause() != null && StoreErrors.rejectedValue(getCause());
    }

    /** The message's first line up to any quoted value or statement (where stored text could appear). */
    private static String firstWords(String s, String otherwise) {
        if (s == null || s.isBlank()) {
            return otherwise;
        }
        String line = s.lines().findFirst().orElse("");
        int cut = line.length();
        for (char q : new char[] {'"', '\'', ';'}) {
            int at = line.indexOf(q);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        String head = line.substring(0, cut).strip();
        return head.isEmpty() ? otherwise : head;
    }
}
