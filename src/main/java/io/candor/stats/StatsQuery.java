package io.candor.stats;

import io.candor.identity.PersonRef;
import java.util.Optional;

/**
 * What a report is asked for: the period, one person (their own row and findings next to the
 * team's), one platform (every figure limited to it), and whether every person's row is shown
 * ({@code candor stats} on the terminal, which reads the database directly) or only the
 * asker's (chat: a person sees the team's figures and their own).
 */
public record StatsQuery(Period period, Optional<PersonRef> person, Optional<String> platform, boolean everyone) {
}
