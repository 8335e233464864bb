package io.candor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fenced blocks of the README and the pages under {@code docs/}, line by line, as a user would
 * copy them: a trailing comment ({@code   # …} after two spaces) is dropped. Tests run these, so
 * the docs cannot drift from the code, and a section keeps its tests when it moves to another page.
 */
public final class ReadmeBlocks {
    public static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");

    /** A fenced block: the page it is on, the heading above it, and its lines as a user copies them. */
    public record Block(Path page, String heading, List<String> lines) {
    }

    private ReadmeBlocks() {
    }

    /** The README, then every page under docs/ by name. */
    public static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Every fenced block of every page, in page order, with the nearest heading above it. */
    public static List<Block> all() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path page : pages()) {
            String heading = "";
            List<String> block = null;
            for (String line : Files.readAllLines(page)) {
                if (line.startsWith("```")) {
                    if (block == null) {
                        block = new ArrayList<>();
                    } else {
                        blocks.add(new Block(page, heading, List.copyOf(block)));
                        block = null;
                    }
                } else if (block != null) {
                    if (!line.isBlank()) {
                        block.add(copied(line));
                    }
                } else if (line.startsWith("#")) {
                    heading = line;
                }
            }
        }
        return blocks;
    }

    /**
     * The blocks under the heading that starts with {@code heading}, up to the next heading of that
     * level, on whichever page has it (exactly one must).
     */
    public static List<List<String>> of(String heading) throws IOException {
        List<List<String>> found = null;
        Path foundOn = null;
        for (Path page : pages()) {
            List<List<String>> blocks = of(page, heading);
            if (blocks.isEmpty()) {
                continue;
            }
            if (found != null) {
                throw new IllegalStateException("both " + foundOn + " and " + page + " have code blocks under '" + heading + "'");
            }
            found = blocks;
            foundOn = page;
        }
        if (found == null) {
            throw new IllegalStateException("neither README.md nor docs/*.md has code blocks under '" + heading + "'");
        }
        return found;
    }

    private static List<List<String>> of(Path page, String heading) throws IOException {
        int level = heading.indexOf(' ');
        String prefix = heading.substring(0, level + 1);
        List<List<String>> blocks = new ArrayList<>();
        boolean inSection = false;
        List<String> block = null;
        for (String line : Files.readAllLines(page)) {
            if (block == null && line.startsWith(prefix) && !line.startsWith(prefix + "#")) {
                inSection = line.startsWith(heading);
                continue;
            }
            if (!inSection) {
                continue;
            }
            if (line.startsWith("```")) {
                if (block == null) {
                    block = new ArrayList<>();
                } else {
                    blocks.add(block);
                    block = null;
                }
            } else if (block != null && !line.isBlank()) {
                block.add(copied(line));
            }
        }
        return blocks;
    }

    private static String copied(String line) {
        return line.replaceFirst("\\s{2,}#.*$", "").strip();
    }

    /** Whether a block is a terminal chat session: {@code bin/candor chat --as who}, then lines typed at {@code who>}. */
    public static boolean isChatSession(List<String> block) {
        return block.get(0).startsWith("bin/candor chat --as ");
    }

    /** The lines typed at {@code who>} in a chat session block. */
    public static List<String> typed(List<String> session) {
        String who = session.get(0).substring("bin/candor chat --as ".length());
        return session.subList(1, session.size()).stream().map(l -> {
            if (!l.startsWith(who + "> ")) {
                throw new IllegalStateException("chat line without the prompt '" + who + "> ': " + l);
            }
            return l.substring(who.length() + 2);
        }).toList();
    }

    /** The lines typed at {@code who>} in the block that starts {@code bin/candor chat --as who}. */
    public static List<String> chatSession(String heading, String who) throws IOException {
        for (List<String> b : of(heading)) {
            if (b.get(0).equals("bin/candor chat --as " + who)) {
                return typed(b);
            }
        }
        throw new IllegalStateException("no 'bin/candor chat --as " + who + "' block under '" + heading + "'");
    }
}
