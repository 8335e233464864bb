package io.candor.store;

/**
 * The database cannot be used: locked by another process, missing, read-only, corrupt or
 * the disk full. The message says which, in words a user can act on.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
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
                + why, e);
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
