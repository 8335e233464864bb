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
}
