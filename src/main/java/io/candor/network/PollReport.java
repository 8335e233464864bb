package io.candor.network;

import java.time.Instant;

/**
 * What one poll of one account did: how many mentions were new or already known, how many
 * were closed because the team answered them there, what was skipped, and how it ended.
 *
 * @param retryAt when to poll again (a rate limit, a back-off); null after an ordinary poll
 * @param reason  Candor's words for a fault, never the network's; null when it went well
 */
public record PollReport(String platform, String account, Outcome outcome, int created, int known, int answered,
                         Skipped skipped, Instant retryAt, String reason) {

    public enum Outcome {
        /** Read to the end. */
        POLLED,
        /** Another instance on the database reads this account now. */
        ELSEWHERE,
        /** The network asked to slow down: polled again at {@code retryAt}. */
        RATE_LIMITED,
        /** A 5xx, a timeout, or an answer not as documented: backed off until {@code retryAt}. */
        UNAVAILABLE,
        /** The credentials were refused, or may write: a person has to make new ones. */
        REFUSED,
        /** The database could not take what was read: backed off until {@code retryAt}. */
        STORE_DOWN
    }

    public boolean failed() {
        return outcome != Outcome.POLLED && outcome != Outcome.ELSEWHERE;
    }
}
