package io.candor.network;

import io.candor.mention.model.NewMention;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One account on one network, read-only: Candor reads notifications and the account's own
 * posts; it never posts, likes, follows or replies. Every call may throw {@link NetworkFault}.
 */
public interface Connector {
    /** {@code mastodon} or {@code bluesky}: the mentions' platform. */
    String platform();

    /** What logs, {@code /readyz} and the command line call the account: its handle once connected. */
    String label();

    /**
     * Checks the credentials (and refuses ones that may write, where the network says) and
     * returns the account's stable key for the saved cursor, e.g. {@code mastodon:host:id}.
     */
    String connect();

    /**
     * Hands over, page by page, the notifications of these kinds newer than {@code after} (a
     * cursor this connector returned before), or, with none, those back to {@code since}.
     *
     * @return the cursor to resume after next time ({@code after} when nothing new came)
     */
    String mentions(String after, Instant since, Set<Kind> kinds, Consumer<Batch<NewMention>> pages);

    /** The same for the account's own posts that reply to another post. */
    String ownReplies(String after, Instant since, Consumer<Batch<OwnReply>> pages);
}
