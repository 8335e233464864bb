package io.candor.store;

/** Lets tests outside the package see how a store failure is worded. */
public final class StoreFaults {
    private StoreFaults() {
    }

    public static StoreUnavailableException describe(String location, Throwable cause) {
        return StoreUnavailableException.from(location, cause);
    }
}
