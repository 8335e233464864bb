package io.candor.mention;

import io.candor.chat.Reply;
import io.candor.mention.model.Mention;
import java.time.Instant;
import java.util.List;

/**
 * Turns someone's waiting mentions into the list a person sees (ages in business hours,
 * escalation marks). Implemented by the reminders feature, which owns the business clock.
 */
public interface MentionListing {
    Reply.Mentions list(String heading, List<Mention> oldestFirst, Instant now);

    Reply.Mentions list(String heading, List<Mention> oldestFirst, Instant now, String footer);
}
