package io.candor.review;

import java.util.Locale;

/**
 * What the conversation a reply belongs to makes of it: the message asked for a place (where
 * to watch, which link, whether you have a channel), a price or a recommendation, it sought
 * help, it complained; and the reply gives service (points someone who needs help to where
 * help is). Rules name the situations in which their finding would be the answer, not a pitch
 * ({@code answers_when} in a rule file).
 */
public enum Situation {
    ASKED_PLACE, ASKED_PRICE, ASKED_RECOMMENDATION, SEEKS_HELP, COMPLAINT, SERVICE;

    /** The id used in rule files: "asked-place", "service". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The situations a rule may be answered by (seeking help or complaining alone answers nothing). */
    public boolean answersRules() {
        return this != SEEKS_HELP && this != COMPLAINT;
    }

    public static Situation parse(String s) {
        for (Situation v : values()) {
            if (v.id().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not a situation");
    }
}
