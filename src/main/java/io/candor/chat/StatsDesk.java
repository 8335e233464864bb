package io.candor.chat;

import io.candor.prompts.Prompts;

/**
 * Team stats as chat surfaces see them: {@code /coach stats [PERIOD] [PLATFORM]}. A person
 * sees the team's figures and their own. Implemented in the stats package.
 */
public interface StatsDesk {
    /** True when {@code args} (what follows "stats") is a period and/or a platform, not a draft. */
    boolean understands(String args);

    Reply stats(ChatUser user, String args);

    /** Without stats: {@code /coach stats} says they are off. */
    static StatsDesk off(Prompts prompts) {
        return new Off.Stats(prompts);
    }
}
