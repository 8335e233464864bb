package io.candor.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a writer asked Candor to look at: the text, where it is going, what it answers and
 * who wrote it. {@code author} and {@code team} are free-form ids from the surface (cli,
 * Slack user id, Discord user id) and only matter to history and feedback.
 */
public record Draft(String text, List<Platform> platforms, Optional<String> replyTo,
                    String author, String team, String source) {
    public Draft {
        Objects.requireNonNull(text, "text");
        platforms = List.copyOf(platforms);
        replyTo = replyTo == null ? Optional.empty()
                : replyTo.filter(r -> !r.isBlank());
        author = author == null ? "" : author;
        team = team == null ? "" : team;
        source = source == null ? "cli" : source;
    }

    public static Draft of(String text) {
        return new Draft(text, List.of(), Optional.empty(), "", "", "cli");
    }

    public Draft withPlatforms(List<Platform> p) {
        return new Draft(text, p, replyTo, author, team, source);
    }

    public Draft withReplyTo(String r) {
        return new Draft(text, platforms, Optional.ofNullable(r), author, team, source);
    }

    public Draft by(String author, String team, String source) {
        return new Draft(text, platforms, replyTo, author, team, source);
    }
}
