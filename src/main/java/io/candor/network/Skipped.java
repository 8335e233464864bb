package io.candor.network;

/**
 * Notifications and posts passed over: malformed (a field the API documents is missing or
 * of the wrong kind), deleted (the post is gone), blocked (the account blocks the author, or
 * is blocked by them). Counted, never logged by content.
 */
public record Skipped(int malformed, int deleted, int blocked) {
    public static final Skipped NONE = new Skipped(0, 0, 0);

    public Skipped plus(Skipped o) {
        return new Skipped(malformed + o.malformed, deleted + o.deleted, blocked + o.blocked);
    }

    public int total() {
        return malformed + deleted + blocked;
    }

    /** Counts one page's skips as it is read. */
    public static final class Tally {
        private int malformed;
        private int deleted;
        private int blocked;

        public void malformed() {
            malformed++;
        }

        public void deleted() {
            deleted++;
        }

        public void blocked() {
            blocked++;
        }

        public Skipped done() {
            return new Skipped(malformed, deleted, blocked);
        }
    }
}
