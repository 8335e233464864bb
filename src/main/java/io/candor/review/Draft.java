package io.candor.review;

import io.candor.platform.Platform;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a writer asked Candor to look at: the text, where it is going, what it is (a post,
 * a reply, a comment), what it answers and who wrote it ({@link Writer}: only history and
 * feedback look at it). Without a kind, a draft with a message to answer is a reply and
 * one without is a post. A {@code thread} is reviewed part by part (parts split on blank
 * lines or numbered "1/", "2/"); a numbered thread is recognised without being asked.
 */
public record Draft(String text, List<Platform> platforms, Optional<String> replyTo, Writer writer, DraftKind kind,
                    boolean thread) {
    public Draft {
        Objects.requireNonNull(text, "text");
        platforms = List.copyOf(platforms);
        replyTo = replyTo == null ? Optional.empty()
                : replyTo.filter(r -> !r.isBlank());
        writer = Objects.requireNonNullElse(writer, Writer.NOBODY);
        kind = kind != null ? kind : replyTo.isPresent() ? DraftKind.REPLY : DraftKind.POST;
    }

    /** A draft whose kind follows from whether it answers a message. */
    public Draft(String text, List<Platform> platforms, Optional<String> replyTo, Writer writer) {
        this(text, platforms, replyTo, writer, null, false);
    }

    public Draft(String text, List<Platform> platforms, Optional<String> replyTo, Writer writer, DraftKind kind) {
        this(text, platforms, replyTo, writer, kind, false);
    }

    public static Draft of(String text) {
        return new Draft(text, List.of(), Optional.empty(), Writer.NOBODY);
    }

    /** The writer's id or name (see {@link Writer#author()}). */
    public String author() {
        return writer.author();
    }

    /** The writer's team (see {@link Writer#team()}). */
    public String team() {
        return writer.team();
    }

    /** Where the text came from (see {@link Writer#source()}). */
    public String source() {
        return writer.source();
    }

    public Draft withPlatforms(List<Platform> p) {
        return new Draft(text, p, replyTo, writer, kind, thread);
    }

    /** The same draft answering {@code r}; a post becomes a reply, a comment stays a comment. */
    public Draft withReplyTo(String r) {
        Optional<String> reply = Optional.ofNullable(r).filter(s -> !s.isBlank());
        DraftKind k = kind == DraftKind.COMMENT ? kind : reply.isPresent() ? DraftKind.REPLY : DraftKind.POST;
        return new Draft(text, platforms, reply, writer, k, thread);
    }

    public Draft withKind(DraftKind k) {
        return new Draft(text, platforms, replyTo, writer, k, thread);
    }

    public Draft withThread(boolean t) {
        return new Draft(text, platforms, replyTo, writer, kind, t);
    }

    /** The same draft with other words, as for one part of a thread. */
    public Draft withText(String t) {
        return new Draft(t, platforms, replyTo, writer, kind, false);
    }

    public Draft by(Writer w) {
        return new Draft(text, platforms, replyTo, w, kind, thread);
    }
}
