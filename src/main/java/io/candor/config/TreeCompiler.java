package io.candor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build step (pom.xml runs it after compiling): beside each bundled YAML file (rules,
 * prompts, settings) it writes the tree the file parses to, as JSON, for {@link DataFiles#parse}
 * to read at start-up instead of parsing YAML. The JSON records the YAML text it came from
 * (its length and hash), so a stale one is never used. A file that does not parse, or whose
 * tree JSON cannot carry exactly, gets none: it is read as YAML, and its errors reported then.
 */
public final class TreeCompiler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TreeCompiler() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        int written = 0;
        for (Path yaml : files) {
            Path json = yaml.resolveSibling(yaml.getFileName() + DataFiles.TREE_SUFFIX);
            Files.deleteIfExists(json);
            String text = Files.readString(yaml, StandardCharsets.UTF_8);
            JsonNode tree;
            try {
                tree = CandorConfig.YAML.readTree(text);
            } catch (IOException e) {
                continue; // reported, with the file's name, when Candor reads it
            }
            if (tree == null || tree.isMissingNode()) {
                continue;
            }
            byte[] out = JSON.writeValueAsBytes(JSON.createObjectNode().put("length", text.length())
                    .put("hash", text.hashCode()).set("tree", tree));
            if (!DataFiles.treeOf(CandorConfig.YAML.readTree(out), text).map(tree::equals).orElse(false)) {
                continue;
            }
            Files.write(json, out);
            written++;
        }
        System.out.println("candor: precompiled " + written + " of " + files.size() + " bundled YAML files under " + root);
    }
}
