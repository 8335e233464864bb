package io.candor.history;

import io.candor.chat.ChatUser;
import io.candor.chat.PostLog;
import io.candor.platform.Platform;
import io.candor.prompts.Prompts;
import io.candor.review.Draft;
import io.candor.store.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "I posted this" on a review in Slack, Discord or the terminal: finds the writer's own
 * reviewed draft with that text and keeps it again as a published post, for the platforms
 * it was reviewed for. Nothing is posted anywhere.
 */
public final class PostedDrafts implements PostLog {
    private final History history;
    private final Prompts prompts;

    public PostedDrafts(History history, Prompts prompts) {
        this.history = history;
        this.prompts = prompts;
    }

    @Override
    public String posted(ChatUser user, String key) {
        Optional<String> down = history.problem();
        if (down.isPresent()) {
            return prompts.render("history:posted.unavailable", Map.of("why", down.get()));
        }
        try {
            Optional<History.Reviewed> r = history.lastReviewed(user.id(), user.team(), text -> PostLog.keyOf(text).equals(key));
            if (r.isEmpty()) {
                return prompts.render("history:posted.not-found", Map.of("days", history.settings().keepTextDays()));
            }
            Draft d = new Draft(r.get().text(), r.get().platforms(), Optional.empty(), user.writer());
            if (!history.recordPosted(d)) {
                return prompts.render("history:posted.no-words");
            }
            List<Platform> ps = r.get().platforms();
            return prompts.render("history:posted.recorded", Map.of("platforms",
                    ps.isEmpty() ? false : String.join(", ", ps.stream().map(Platform::displayName).toList())));
        } catch (StoreUnavailableException e) {
            return prompts.render("history:posted.unavailable", Map.of("why", e.getMessage()));
        }
    }
}
