package io.candor.review;

import io.candor.identity.ChatKey;
import io.candor.identity.SurfaceKind;
import java.util.Objects;

/**
 * Who wrote a draft, as history and stats tell writers apart: their id or name, their team,
 * and where the text came from ({@code cli}, a chat surface, {@code webhook}, a network a
 * poller read). Made only through the factories, whose names say which is which, so an
 * author, a team and a source cannot trade places unnoticed. The rules never look at it.
 */
public final class Writer {
    /** Nobody in particular, on the command line: a draft reviewed without remembering who wrote it. */
    public static final Writer NOBODY = new Writer("", "", SurfaceKind.CLI.id());

    private final String author;
    private final String team;
    private final String source;

    private Writer(String author, String team, String source) {
        this.author = author == null ? "" : author;
        this.team = team == null ? "" : team;
        this.source = source;
    }

    /** Someone on a chat surface: their id in their team there. */
    public static Writer onChat(ChatKey who) {
        return new Writer(who.id(), who.team(), who.surface().id());
    }

    /** Someone on the command line: the name they gave (or their login) and the team they said. */
    public static Writer cli(String author, String team) {
        return new Writer(author, team, SurfaceKind.CLI.id());
    }

    /**
     * Text that came from a tool rather than a person at Candor: {@code source} is the tool
     * ("webhook", a network's id, "quality"), {@code author} whoever it says wrote it.
     */
    public static Writer fromTool(String source, String author, String team) {
        return new Writer(author, team, Objects.requireNonNull(source, "source"));
    }

    /** A writer as the store keeps one, read back from its columns. */
    public static Writer stored(String source, String team, String author) {
        return new Writer(author, team, Objects.requireNonNull(source, "source"));
    }

    /** An id on a chat surface, a name given on the command line or by a tool; empty when unknown. */
    public String author() {
        return author;
    }

    /** The Slack workspace, Discord guild or team named on the command line; empty when none. */
    public String team() {
        return team;
    }

    /** Where the text came from: cli, slack, discord, terminal, webhook, a network's id. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Writer w && author.equals(w.author) && team.equals(w.team) && source.equals(w.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(author, team, source);
    }

    @Override
    public String toString() {
        return source + ":" + team + ":" + author;
    }
}
