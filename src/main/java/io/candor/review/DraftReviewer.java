package io.candor.review;

import java.util.Collection;
import java.util.Set;

/**
 * Anything that turns a draft into a review: the rule-based {@link Reviewer}, or a
 * reviewer that also remembers drafts and compares them with the team's history.
 */
public interface DraftReviewer {
    /** Reviews a draft, leaving out the rules this writer muted. */
    Review review(Draft draft, Collection<String> mutedRules);

    default Review review(Draft draft) {
        return review(draft, Set.of());
    }

    /**
     * A reviewer made on its first review: commands that may never review a draft (listing or
     * importing mentions, reminders) do not pay for reading and compiling every rule.
     */
    static DraftReviewer lazy(java.util.function.Supplier<? extends DraftReviewer> make) {
        return new DraftReviewer() {
            private DraftReviewer made;

            @Override
            public synchronized Review review(Draft draft, Collection<String> mutedRules) {
                if (made == null) {
                    made = make.get();
                }
                return made.review(draft, mutedRules);
            }
        };
    }
}
