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
        String all = chain(e);
        String why;
        if (all.contains("already in use") || all.contains("Locked by another process") || all.contains("lock")) {
            why = "it is locked by another Candor process (stop the other one, or give this one its own --db)";
        } else if (all.contains("No space left")) {
            why = "the disk is full";
        } else if (all.contains("read only") || all.contains("Read-only") || all.contains("AccessDenied")
                || all.contains("Permission denied") || all.contains("not writable")) {
            why = "it is read-only or the folder cannot be written";
        } else if (all.contains("corrupt") || all.contains("File corrupted") || all.contains("MVStoreException")
                || all.contains("not a valid")) {
            why = "the file is damaged (move it aside and Candor starts a new one)";
        } else {
            why = firstLine(e.getMessage());
        }
        return new StoreUnavailableException("the database at " + location + " cannot be used: " + why, e);
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
