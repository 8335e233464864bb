package io.candor.remind;

import io.candor.chat.Reply;
import java.time.LocalDate;

/**
 * One reminder ready to go: a DM to {@code recipient} (an assignee key) or, when
 * {@code summary} is true, the team channel summary. {@code key} is unique per recipient
 * and local day; it is recorded before sending so the message goes out once.
 */
public record Outgoing(String key, String recipient, LocalDate day, boolean summary, Reply reply, int mentions) {
}
