package io.candor.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * A reply read with the message it answers: what that message asked for or was about (see
 * {@link Situation}) and whether the reply gives service. A post, or a reply to nothing we
 * can see, is in no situation.
 */
public record Exchange(Set<Situation> situations) {
    public static final Exchange NONE = new Exchange(EnumSet.noneOf(Situation.class));

    public Exchange {
        situations = situations.isEmpty() ? Set.of() : Set.copyOf(situations);
    }

    public boolean is(Situation s) {
        return situations.contains(s);
    }

    /** True when any of {@code answers} holds: the finding of a rule answering to them would be the answer. */
    public boolean answers(Set<Situation> answers) {
        for (Situation s : answers) {
            if (situations.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
