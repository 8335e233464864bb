package io.candor.fault;

/**
 * The database could not do what was asked: it is down, full, locked, read-only, or it refused
 * a value. The store throws only this family (its {@code StoreUnavailableException}), so the
 * command line, the HTTP server and the chat adapters catch this type without knowing the store.
 * The message and {@link #reason()} are in Candor's words, never the database's, which quote
 * stored values (drafts, mentions).
 */
public abstract class StorageFailure extends RuntimeException {
    protected StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why, in a few words safe to log and to answer with. */
    public abstract String reason();

    /** True when the database refused a value of this request: retrying it will not help. */
    public abstract boolean rejected();
}
