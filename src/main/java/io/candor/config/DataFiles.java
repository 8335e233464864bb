package io.candor.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a data file (rules, prompts) from a folder on disk when the team has one, else
 * from the copy bundled in the jar, so the jar works from any directory and a team can
 * still change a phrase or a threshold without touching Java.
 */
public final class DataFiles {
    /** Beside each bundled NAME.yaml, the build writes NAME.yaml.json: the same tree, read without a YAML parser. */
    public static final String TREE_SUFFIX = ".json";
    private static final JsonFactory JSON = new JsonFactory();
    private final Path dir;
    private final String bundled;

    /** @param dir folder on disk, may be null or missing; @param bundled classpath folder */
    public DataFiles(Path dir, String bundled) {
        this.dir = dir;
        this.bundled = bundled.endsWith("/") ? bundled : bundled + "/";
    }

    /** The team's copy if there is one, else the bundled one. */
    public Optional<String> read(String name) {
        Optional<String> team = readTeam(name);
        return team.isPresent() ? team : readBundled(name);
    }

    /** The team's copy if there is one, else the bundled one, as bytes (for models). */
    public Optional<byte[]> readBytes(String name) {
        if (dir != null) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                try {
                    return Optional.of(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new ConfigException("cannot read " + p + ": " + e.getMessage(), e);
                }
            }
        }
        try (InputStream in = DataFiles.class.getResourceAsStream("/" + bundled + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the team's copy on disk. */
    public Optional<String> readTeam(String name) {
        if (dir != null) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                try {
                    return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new ConfigException("cannot read " + p + ": " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    /** Only the copy shipped in the jar. */
    public Optional<String> readBundled(String name) {
        try (InputStream in = DataFiles.class.getResourceAsStream("/" + bundled + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The YAML {@code text} of the file {@code name} as a tree (a new one each time: callers
     * may change it). When the text is the bundled file's own, the tree the build made from it
     * is read instead, as JSON, which takes a fraction of the time of parsing YAML at start-up;
     * any other text (a team's edited copy) is parsed as YAML, so its mistakes are reported.
     */
    public JsonNode parse(String name, String text) throws IOException {
        if (text.length() > 0 && text.equals(readBundled(name).orElse(null))) {
            try (InputStream in = DataFiles.class.getResourceAsStream("/" + bundled + name + TREE_SUFFIX)) {
                if (in != null) {
                    Optional<JsonNode> tree = treeOf(CandorConfig.YAML.readTree(JSON.createParser(in)), text);
                    if (tree.isPresent()) {
                        return tree.get();
                    }
                }
            }
        }
        return CandorConfig.YAML.readTree(text);
    }

    /**
     * A rule, list or prompt file's tree, which must be a mapping; a file that is not one, or
     * cannot be parsed, is a ConfigException naming it.
     */
    public JsonNode mapping(String name, String text) {
        try {
            JsonNode n = parse(name, text);
            if (n == null || !n.isObject()) {
                throw new ConfigException(describe(name) + " must be a YAML mapping");
            }
            return n;
        } catch (IOException e) {
            throw new ConfigException("cannot read " + describe(name) + ": " + e.getMessage(), e);
        }
    }

    /** The tree a precompiled file holds, when it was made from this text (see {@link TreeCompiler}). */
    static Optional<JsonNode> treeOf(JsonNode precompiled, String text) {
        return precompiled != null && precompiled.path("length").asInt(-1) == text.length()
                && precompiled.path("hash").asInt() == text.hashCode() && precompiled.has("tree")
                ? Optional.of(precompiled.get("tree")) : Optional.empty();
    }

    public String describe(String name) {
        if (dir != null && Files.isRegularFile(dir.resolve(name))) {
            return dir.resolve(name).toString();
        }
        return "(bundled) " + bundled + name;
    }
}
