package io.candor.stats;

import io.candor.chat.ChatUser;
import io.candor.chat.Reply;
import io.candor.chat.StatsDesk;
import io.candor.identity.PersonRef;
import io.candor.prompts.Prompts;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /coach stats [PERIOD] [PLATFORM]} in Slack, Discord and the terminal chat: the team's
 * figures and the asker's own row, findings and oldest mentions, never another person's.
 * The chart goes with it.
 */
public final class ChatStats implements StatsDesk {
    private final TeamStats stats;
    private final StatsText text;
    private final StatsChart chart;
    private final Prompts prompts;

    public ChatStats(TeamStats stats, StatsText text, StatsChart chart, Prompts prompts) {
        this.stats = stats;
        this.text = text;
        this.chart = chart;
        this.prompts = prompts;
    }

    /** What the words after "stats" ask for. */
    private record Args(String since, Optional<String> platform) {
    }

    @Override
    public boolean understands(String args) {
        return parse(args).isPresent();
    }

    private static Optional<Args> parse(String args) {
        String since = null;
        String platform = null;
        String[] words = args.strip().isEmpty() ? new String[0] : args.strip().split("\\s+");
        if (words.length > 2) {
            return Optional.empty();
        }
        for (String w : words) {
            if (since == null && isPeriod(w)) {
                since = w;
            } else if (platform == null && TeamStats.platform(w).isPresent()) {
                platform = TeamStats.platform(w).get();
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Args(since, Optional.ofNullable(platform)));
    }

    private static boolean isPeriod(String w) {
        if (w.matches("(?i)\\d{1,4}[dw]")) {
            return true;
        }
        try {
            LocalDate.parse(w);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public Reply stats(ChatUser user, String args) {
        Optional<Args> a = parse(args);
        if (a.isEmpty()) {
            return Reply.text(prompts.render("stats:chat.usage", Map.of("days", stats.settings().sinceDays())));
        }
        Period period;
        try {
            period = Period.parse(a.get().since(), null, stats.clock().instant(), stats.zone(), stats.settings().sinceDays());
        } catch (IllegalArgumentException e) {
            return Reply.text(prompts.render("stats:chat.bad", Map.of("why", e.getMessage())));
        }
        PersonRef me = stats.people().refOf(user);
        StatsReport r = stats.build(new StatsQuery(period, Optional.of(me), a.get().platform(), false));
        return new Reply.Figures(text.render(r, a.get().platform()), Optional.of(new Reply.Chart("candor-stats.png",
                prompts.render("stats:chart.title"), chart.altText(), chart.png(r))));
    }
}
