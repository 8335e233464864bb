package io.candor.network;

import java.time.Instant;

/**
 * A network that did not give what was asked: it refused the credentials (401, 403, a token
 * that may write), asked Candor to slow down (429, until {@link #retryAt}), or could not answer
 * (5xx, a timeout, something that is not what its API documents). The reason is Candor's own
 * words, never what the network sent, so it may be logged and shown on {@code /readyz}.
 */
public final class NetworkFault extends RuntimeException {
    /** What Candor does about it: wait for a person, wait as told, or back off and try again. */
    public enum Kind { REFUSED, RATE_LIMITED, UNAVAILABLE }

    private final Kind kind;
    private final Instant retryAt;

    private NetworkFault(Kind kind, String reason, Instant retryAt) {
        super(reason, null, false, false);
        this.kind = kind;
        this.retryAt = retryAt;
    }

    public static NetworkFault refused(String reason) {
        return new NetworkFault(Kind.REFUSED, reason, null);
    }

    public static NetworkFault rateLimited(Instant retryAt) {
        return new NetworkFault(Kind.RATE_LIMITED, "rate limited until " + retryAt, retryAt);
    }

    public static NetworkFault unavailable(String reason) {
        return new NetworkFault(Kind.UNAVAILABLE, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    /** When the network said to try again (rate limits only; null otherwise). */
    public Instant retryAt() {
        return retryAt;
    }

    public String reason() {
        return getMessage();
    }
}
