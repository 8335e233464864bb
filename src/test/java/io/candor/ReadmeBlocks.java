package io.candor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fenced blocks of a README section, line by line, as a user would copy them: a trailing
 * comment ({@code   # …} after two spaces) is dropped. Tests run these, so the README cannot
 * drift from the code.
 */
public final class ReadmeBlocks {
    public static final Path README = Path.of("README.md");

    private ReadmeBlocks() {
    }

    /** The blocks under the heading that starts with {@code heading}, up to the next heading of that level. */
    public static List<List<String>> of(String heading) throws IOException {
        List<String> lines = Files.readAllLines(README);
        int level = heading.indexOf(' ');
        String prefix = heading.substring(0, level + 1);
        List<List<String>> blocks = new ArrayList<>();
        boolean inSection = false;
        List<String> block = null;
        for (String line : lines) {
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
                block.add(line.replaceFirst("\\s{2,}#.*$", "").strip());
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalStateException("README.md has no code blocks under '" + heading + "'");
        }
        return blocks;
    }

    /** The lines typed at {@code who>} in the block that starts {@code bin/candor chat --as who}. */
    public static List<String> chatSession(String heading, String who) throws IOException {
        for (List<String> b : of(heading)) {
            if (b.get(0).equals("bin/candor chat --as " + who)) {
                return b.subList(1, b.size()).stream().map(l -> {
                    if (!l.startsWith(who + "> ")) {
                        throw new IllegalStateException("README chat line without the prompt: " + l);
                    }
                    return l.substring(who.length() + 2);
                }).toList();
            }
        }
        throw new IllegalStateException("README.md has no 'bin/candor chat --as " + who + "' block under '" + heading + "'");
    }
}
