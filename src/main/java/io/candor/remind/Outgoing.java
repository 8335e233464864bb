package io.candor.remind;

import io.candor.chat.Reply;
import io.candor.identity.PersonRef;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One reminder ready to go: a DM to {@code recipient} (a mention owner) or, when there is
 * none, the team channel's summary. {@code key} is unique per recipient and local day; it is
 * recorded before sending so the message goes out once.
 */
public record Outgoing(String key, Optional<PersonRef> recipient, LocalDate day, Reply reply, int mentions) {
    /** A DM to one person. */
    public static Outgoing to(PersonRef person, String key, LocalDate day, Reply reply, int mentions) {
        return new Outgoing(key, Optional.of(person), day, reply, mentions);
    }

    /** A message for the team channel. */
    public static Outgoing summary(String key, LocalDate day, Reply reply, int mentions) {
        return new Outgoing(key, Optional.empty(), day, reply, mentions);
    }

    /** Whether it goes to the team channel rather than a person. */
    public boolean summary() {
        return recipient.isEmpty();
    }
}
