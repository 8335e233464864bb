package io.candor.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The team's settings ({@code config/candor.yaml}), laid over the defaults bundled in the
 * jar. Each feature reads its own section into its own record with {@link #section}, so
 * adding a setting never touches this class. Secrets never live here: they come from the
 * environment.
 */
public final class CandorConfig {
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final JsonNode root;
    private final Path file;
    private final DataFiles rules;
    private final DataFiles prompts;

    private CandorConfig(JsonNode root, Path file, DataFiles rules, DataFiles prompts) {
        this.root = root;
        this.file = file;
        this.rules = rules;
        this.prompts = prompts;
    }

    /** The bundled defaults only: what a fresh clone or a bare jar gets. */
    public static CandorConfig defaults() {
        return new CandorConfig(bundledRoot(), null, new DataFiles(null, "defaults/config/rules"),
                new DataFiles(null, "defaults/prompts"));
    }

    /**
     * Loads settings: an explicit file must exist; otherwise {@code CANDOR_CONFIG}, then
     * {@code config/candor.yaml} in the working directory, then the bundled defaults.
     */
    public static CandorConfig load(Path explicit) {
        Path file = explicit;
        if (file == null) {
            String env = System.getenv("CANDOR_CONFIG");
            if (env != null && !env.isBlank()) {
                file = Path.of(env);
            }
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new ConfigException("settings file not found: " + file);
        }
        if (file == null) {
            Path local = Path.of("config", "candor.yaml");
            if (!Files.isRegularFile(local)) {
                return defaults();
            }
            file = local;
        }
        JsonNode team;
        try {
            team = readTeam(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read settings " + file + ": " + firstLine(e.getMessage()), e);
        }
        JsonNode root = bundledRoot();
        if (team != null && team.isObject()) {
            // a section the bundled settings do not have is a typo, never silently ignored
            java.util.Iterator<String> names = team.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!root.has(name)) {
                    java.util.List<String> known = new java.util.ArrayList<>();
                    root.fieldNames().forEachRemaining(known::add);
                    throw new ConfigException(file + ": unknown section '" + name + "' (known: "
                            + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            }
            merge((ObjectNode) root, (ObjectNode) team);
        } else if (team != null && !team.isMissingNode() && !team.isNull()) {
            throw new ConfigException("settings " + file + " must be a YAML mapping");
        }
        Path dir = file.toAbsolutePath().getParent();
        return new CandorConfig(root, file, new DataFiles(dir.resolve("rules"), "defaults/config/rules"),
                new DataFiles(dir.resolveSibling("prompts"), "defaults/prompts"));
    }

    /** The team's settings; a copy of the bundled file (as a fresh clone has) is read as the build precompiled it. */
    private static JsonNode readTeam(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        DataFiles files = new DataFiles(null, "defaults/config");
        String bundled = files.readBundled("candor.yaml").orElse("");
        if (java.util.Arrays.equals(bytes, bundled.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return files.parse("candor.yaml", bundled);
        }
        return YAML.readTree(bytes);
    }

    private static JsonNode bundledRoot() {
        DataFiles files = new DataFiles(null, "defaults/config");
        String text = files.read("candor.yaml")
                .orElseThrow(() -> new ConfigException("the jar has no bundled config/candor.yaml"));
        try {
            JsonNode n = files.parse("candor.yaml", text);
            return n == null || !n.isObject() ? YAML.createObjectNode() : n;
        } catch (IOException e) {
            throw new ConfigException("bundled candor.yaml is broken: " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> it = over.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode b = base.get(e.getKey());
            if (b instanceof ObjectNode bo && e.getValue() instanceof ObjectNode eo) {
                merge(bo, eo);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The raw YAML of one section (a missing node when absent). */
    public JsonNode node(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n == null ? MissingNode.getInstance() : n;
    }

    /**
     * One section read into a feature's own settings record, strictly: an unknown key, a
     * wrong type or a refused value is an error naming the file, the section and the key.
     */
    public <T> T section(String path, Class<T> type) {
        return StrictSettings.decode(node(path), type, where() + ": " + path);
    }

    /** The names of the sections these settings have (the bundled ones, which a team's file may override). */
    public java.util.List<String> sections() {
        java.util.List<String> out = new java.util.ArrayList<>();
        root.fieldNames().forEachRemaining(out::add);
        return out;
    }

    public String where() {
        return file == null ? "bundled defaults" : file.toString();
    }

    public DataFiles rules() {
        return rules;
    }

    public DataFiles prompts() {
        return prompts;
    }
}
