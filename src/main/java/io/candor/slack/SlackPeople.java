package io.candor.slack;

import com.slack.api.model.User;
import io.candor.chat.ChatUser;
import io.candor.identity.SurfaceKind;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Slack user id into a {@link ChatUser} with the workspace, a display name and the
 * person's own time zone (for reminders at their morning). One users.info call per person
 * a day (names and zones change: a move, a trip); when it fails (no users:read scope, say)
 * the zone is simply left empty and it is asked again the next day.
 */
final class SlackPeople {
    private static final Logger LOG = LoggerFactory.getLogger(SlackPeople.class);
    private static final int MAX_CACHED = 20_000;

    static final java.time.Duration REFRESH = java.time.Duration.ofDays(1);

    private record Known(ChatUser user, java.time.Instant at) {
    }

    private final WebApi api;
    private final java.time.Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    SlackPeople(WebApi api) {
        this(api, java.time.Clock.systemUTC());
    }

    SlackPeople(WebApi api, java.time.Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    ChatUser resolve(String team, String userId, String fallbackName) {
        String t = team == null ? "" : team;
        java.time.Instant now = clock.instant();
        Known cached = known.get(t + ":" + userId);
        if (cached != null && cached.at().plus(REFRESH).isAfter(now)) {
            return cached.user();
        }
        ChatUser u = lookup(t, userId, fallbackName);
        if (known.size() >= MAX_CACHED) {
            known.clear();
        }
        known.put(t + ":" + userId, new Known(u, now));
        return u;
    }

    private ChatUser lookup(String team, String userId, String fallbackName) {
        try {
            User user = api.call("users.info", c -> c.usersInfo(r -> r.user(userId))).getUser();
            String name = user.getProfile() != null && notBlank(user.getProfile().getDisplayName())
                    ? user.getProfile().getDisplayName()
                    : notBlank(user.getRealName()) ? user.getRealName() : notBlank(user.getName()) ? user.getName() : fallbackName;
            return new ChatUser(SurfaceKind.SLACK, team, userId, name, zone(user.getTz()));
        } catch (SlackCallFailed e) {
            LOG.info("users.info for {} failed ({}); going on without their time zone", userId, e.error());
            return new ChatUser(SurfaceKind.SLACK, team, userId, fallbackName, Optional.empty());
        }
    }

    private static Optional<ZoneId> zone(String tz) {
        try {
            return notBlank(tz) ? Optional.of(ZoneId.of(tz)) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
