package io.candor.review;

import io.candor.platform.Platform;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a writer asked Candor to look at: the text, where it is going, what it is (a post,
 * a reply, a comment), what it answers and who wrote it. {@code author} and {@code team} are
 * free-form ids from the surface (cli, Slack user id, Discord user id) and only matter to
 * history and feedback. Without a kind, a draft with a message to answer is a reply and
 * one without is a post. A {@code thread} is reviewed part by part (parts split on blank
 * lines or numbered "1/", "2/"); a numbered thread is recognised without being asked.
 */
public record Draft(String text, List<Platform> platforms, Optional<String> replyTo,
                    String author, String team, String source, DraftKind kind, boolean thread) {
    public Draft {
        Objects.requireNonNull(text, "text");
        platforms = List.copyOf(platforms);
        replyTo = replyTo == null ? Optional.empty()
                : replyTo.filter(r -> !r.isBlank());
        author = author == null ? "" : author;
        team = team == null ? "" : team;
        source = source == null ? "cli" : source;
        kind = kind != null ? kind : replyTo.isPresent() ? DraftKind.REPLY : DraftKind.POST;
    }

    /** A draft whose kind follows from whether it answers a message. */
    public Draft(String text, List<Platform> platforms, Optional<String> replyTo,
                 String author, String team, String source) {
        this(text, platforms, replyTo, author, team, source, null, false);
    }

    public Draft(String text, List<Platform> platforms, Optional<String> replyTo,
                 String author, String team, String source, DraftKind kind) {
        this(text, platforms, replyTo, author, team, source, kind, false);
    }

    public static Draft of(String text) {
        return new Draft(text, List.of(), Optional.empty(), "", "", "cli");
    }

    public Draft withPlatforms(List<Platform> p) {
        return new Draft(text, p, replyTo, author, team, source, kind, thread);
    }

    /** The same draft answering {@code r}; a post becomes a reply, a comment stays a comment. */
    public Draft withReplyTo(String r) {
        Optional<String> reply = Optional.ofNullable(r).filter(s -> !s.isBlank());
        DraftKind k = kind == DraftKind.COMMENT ? kind : reply.isPresent() ? DraftKind.REPLY : DraftKind.POST;
        return new Draft(text, platforms, reply, author, team, source, k, thread);
    }

    public Draft withKind(DraftKind k) {
        return new Draft(text, platforms, replyTo, author, team, source, k, thread);
    }

    public Draft withThread(boolean t) {
        return new Draft(text, platforms, replyTo, author, team, source, kind, t);
    }

    /** The same draft with other words, as for one part of a thread. */
    public Draft withText(String t) {
        return new Draft(t, platforms, replyTo, author, team, source, kind, false);
    }

    public Draft by(String author, String team, String source) {
        return new Draft(text, platforms, replyTo, author, team, source, kind, thread);
    }
}
