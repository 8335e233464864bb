package io.candor.remind;

import io.candor.chat.ChatPort;
import io.candor.chat.ChatUser;
import io.candor.chat.Surface;
import io.candor.identity.PersonRef;
import io.candor.identity.SurfaceKind;
import io.candor.mention.People;
import java.util.Map;
import java.util.Optional;

/**
 * Reaches people on the surface they use: a reminder for an assignee goes to their first
 * identity (Slack, then Discord, then the terminal) whose surface is running.
 */
public final class ChatRouter {
    /** Concurrent: a surface reached only on a later try joins while reminders are being routed. */
    private final Map<SurfaceKind, ChatPort> ports = new java.util.concurrent.ConcurrentHashMap<>();
    private final People people;
    private final ReminderSettings.Summary summary;

    public ChatRouter(People people, ReminderSettings.Summary summary) {
        this.people = people;
        this.summary = summary;
    }

    public ChatRouter add(SurfaceKind surface, ChatPort port) {
        ports.put(surface, port);
        return this;
    }

    public ChatRouter add(Surface s) {
        return add(s.kind(), s.port());
    }

    public boolean isEmpty() {
        return ports.isEmpty();
    }

    /** Who (or which channel) this reminder would reach, or empty when nobody can be reached. */
    public Optional<Target> target(Outgoing o) {
        return target(o.recipient());
    }

    /** Whether a reminder to this person (empty: the team summary) would reach anyone. */
    public boolean reaches(Optional<PersonRef> recipient) {
        return target(recipient).isPresent();
    }

    private Optional<Target> target(Optional<PersonRef> recipient) {
        if (recipient.isEmpty()) {
            if (summary == null || summary.surface() == null || summary.channel() == null) {
                return Optional.empty();
            }
            ChatPort port = SurfaceKind.find(summary.surface()).map(ports::get).orElse(null);
            return port == null ? Optional.empty()
                    : Optional.of(new Target(port, null, summary.team() == null ? "" : summary.team(), summary.channel(),
                    summary.surface()));
        }
        for (ChatUser u : people.identities(recipient.get())) {
            ChatPort port = ports.get(u.surface());
            if (port != null) {
                return Optional.of(new Target(port, u, u.team(), null, u.surface().id()));
            }
        }
        return Optional.empty();
    }

    /** Where a reminder goes: a person ({@code user}) or a channel. */
    public record Target(ChatPort port, ChatUser user, String team, String channel, String surface) {
        public void send(Outgoing o) {
            if (user != null) {
                port.sendDirect(user, o.reply());
            } else {
                port.postToChannel(team, channel, o.reply());
            }
        }

        public String describe() {
            return user != null ? surface + " " + user.id() : surface + " #" + channel;
        }
    }
}
