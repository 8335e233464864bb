package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.CandorConfig;
import io.candor.prompts.Prompts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every prompt key the main code asks for exists in the shipped {@code prompts/}, whatever its
 * file (chat:, cli:, findings:, history:, mentions:, review:, slack:, stats:, discord:). Keys are
 * collected from the sources: string literals "file:key"; literals passed to a helper that adds a
 * prefix ({@code say("web.off")} where {@code say} renders {@code "mentions:" + key}); keys built
 * from an enum's ids. A literal prefix followed by {@code +} and a value known only at run time
 * must at least lead to some entry.
 */
class PromptKeysTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path PROMPTS = Path.of("prompts");

    @Test
    void everyPromptKeyUsedInTheCodeExists() throws IOException {
        Set<String> files = promptFiles();
        Set<String> entries = entries(files);
        Prompts prompts = new Prompts(CandorConfig.defaults().prompts());
        String file = "(?:" + String.join("|", files) + ")";
        Pattern literal = Pattern.compile("\"(" + file + ":[\\w.-]*)\"(\\s*\\+)?");
        Pattern prefixed = Pattern.compile("render\\(\\s*\"(" + file + ":[\\w.-]*)\"\\s*\\+\\s*(\\w+)\\s*[,)]");

        Map<String, String> used = new TreeMap<>();      // key -> where it is used
        Map<String, String> prefixes = new TreeMap<>();
        for (Path p : sources()) {
            String src = Files.readString(p);
            String where = SOURCES.relativize(p).toString();
            Matcher m = literal.matcher(src);
            while (m.find()) {
                (m.group(2) != null ? prefixes : used).putIfAbsent(m.group(1), where);
            }
            Matcher w = prefixed.matcher(src);
            while (w.find()) {
                for (String tail : literalsPassedTo(src, w.start(), w.group(2))) {
                    used.putIfAbsent(w.group(1) + tail, where);
                }
            }
        }
        for (Severity s : Severity.values()) {
            used.put("review:heading.severity." + s.id(), "Severity");
        }
        for (Category c : Category.values()) {
            used.put("review:heading.category." + c.id(), "Category");
        }
        for (Verdict v : Verdict.values()) {
            used.put("review:verdict." + v.id(), "Verdict");
        }

        List<String> missing = new ArrayList<>();
        used.forEach((key, where) -> {
            if (!key.endsWith(":") && !prompts.has(key)) {
                missing.add(key + " (" + where + ")");
            }
        });
        prefixes.forEach((prefix, where) -> {
            if (entries.stream().noneMatch(e -> e.startsWith(prefix))) {
                missing.add(prefix + "… (" + where + ")");
            }
        });
        assertThat(missing).as("prompt keys used in the code but missing from prompts/").isEmpty();

        // the scan really read the code: every prompts file is used, and wrapped keys were found
        Set<String> seen = new TreeSet<>();
        used.keySet().forEach(k -> seen.add(k.substring(0, k.indexOf(':'))));
        prefixes.keySet().forEach(k -> seen.add(k.substring(0, k.indexOf(':'))));
        assertThat(seen).containsAll(files);
        assertThat(used).containsKeys("mentions:web.off", "mentions:input.bad-url", "slack:modal.title", "cli:empty",
                "stats:chat.off");
        assertThat(used.size()).isGreaterThan(200);
    }

    /**
     * The string literals given, at the position of {@code param}, to the method (declared before
     * {@code at}) whose body renders a prefix + {@code param}: {@code say("web.off", vars)}.
     */
    private static List<String> literalsPassedTo(String src, int at, String param) {
        Matcher decl = Pattern.compile("(\\w+)\\s*\\(([^()]*)\\)\\s*(?:throws [\\w.,\\s]+)?\\{").matcher(src);
        String name = null;
        int index = -1;
        int declared = -1;
        while (decl.find() && decl.start() < at) {
            List<String> params = List.of(decl.group(2).replaceAll("<[^<>]*>", "").split(","));
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i).strip().matches("(?:final\\s+)?String\\s+" + param)) {
                    name = decl.group(1);
                    index = i;
                    declared = decl.start();
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (name == null) {
            return out;
        }
        Matcher call = Pattern.compile("\\b" + name + "\\(").matcher(src);
        while (call.find()) {
            if (call.start() == declared) {
                continue;
            }
            List<String> args = arguments(src, call.end());
            if (args.size() > index) {
                Matcher lit = Pattern.compile("\"([\\w.-]+)\"").matcher(args.get(index).strip());
                if (lit.matches()) {
                    out.add(lit.group(1));
                }
            }
        }
        return out;
    }

    /** The top-level, comma-separated arguments of a call whose "(" ends just before {@code start}. */
    private static List<String> arguments(String src, int start) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder arg = new StringBuilder();
        for (int i = start; i < src.length(); i++) {
            char c = src.charAt(i);
            if (inString) {
                inString = c != '"' || src.charAt(i - 1) == '\\';
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth-- == 0) {
                    args.add(arg.toString());
                    return args;
                }
            } else if (c == ',' && depth == 0) {
                args.add(arg.toString());
                arg.setLength(0);
                continue;
            }
            arg.append(c);
        }
        return args;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Set<String> promptFiles() throws IOException {
        try (Stream<Path> s = Files.list(PROMPTS)) {
            Set<String> out = new TreeSet<>();
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .forEach(n -> out.add(n.substring(0, n.length() - ".yaml".length())));
            return out;
        }
    }

    /** Every text entry of the prompts, as "file:a.b.c". */
    private static Set<String> entries(Set<String> files) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String f : files) {
            flatten(CandorConfig.YAML.readTree(PROMPTS.resolve(f + ".yaml").toFile()), f + ":", out);
        }
        return out;
    }

    private static void flatten(JsonNode node, String path, Set<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(e.getValue(),
                    path + (path.endsWith(":") ? "" : ".") + e.getKey(), out));
        } else {
            out.add(path);
        }
    }
}
