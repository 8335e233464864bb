package io.candor.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.candor.config.CandorConfig;
import io.candor.config.ConfigException;
import io.candor.config.DataFiles;
import java.io.IOException;
import java.io.Writer;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every sentence Candor says, from {@code prompts/*.yaml}, as Mustache templates. A key is
 * "file:path.to.entry"; rule ids, which contain dots, are looked up whole inside a file
 * ({@code findings:pitch.self-promo.message} is entry "pitch.self-promo", field "message").
 * A team's prompts folder only needs the entries it rewords: the rest come from the jar.
 */
public final class Prompts {
    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false);
    /**
     * {@code {{#plural}}count:0#no words|1#one word|1<{0} words{{/plural}}}: the number {@code count}
     * worded by the JDK's {@link java.text.ChoiceFormat} (inside a {@link MessageFormat}, so
     * {@code {0}} is the number, grouped as 1,234), for every template, so no caller picks a
     * singular or a plural by hand. An apostrophe inside it is written twice, as MessageFormat wants.
     */
    private static final Map<String, Object> HELPERS = Map.of("plural", (Mustache.Lambda) Prompts::plural);
    private final DataFiles files;
    private final Map<String, JsonNode> trees = new ConcurrentHashMap<>();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    public Prompts(DataFiles files) {
        this.files = files;
    }

    /** Renders the template at {@code key} with the given values. */
    public String render(String key, Map<String, ?> vars) {
        java.io.StringWriter out = new java.io.StringWriter();
        templates.computeIfAbsent(key, this::compile).execute(vars, HELPERS, out);
        return out.toString().strip();
    }

    public String render(String key) {
        return render(key, Map.of());
    }

    public boolean has(String key) {
        try {
            lookup(key);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    private static void plural(Template.Fragment frag, Writer out) throws IOException {
        String body = frag.decompile();
        int colon = body.indexOf(':');
        if (colon < 0) {
            throw new ConfigException("{{#plural}} needs 'name:' before its choices: " + body);
        }
        String name = body.substring(0, colon).strip();
        Object value = null;
        for (int up = 0; value == null && up < 8; up++) {
            Object ctx;
            try {
                ctx = frag.context(up);
            } catch (RuntimeException e) {
                break; // past the outermost context
            }
            if (ctx == null) {
                break;
            }
            if (ctx instanceof Map<?, ?> m) {
                value = m.get(name);
            }
        }
        double n;
        if (value instanceof Number num) {
            n = num.doubleValue();
        } else {
            try {
                n = Double.parseDouble(String.valueOf(value));
            } catch (NumberFormatException e) {
                throw new ConfigException("{{#plural}}" + name + ": is not a number here (" + value + ")");
            }
        }
        Object shown = n == Math.rint(n) && Math.abs(n) < 1e15 ? (Object) (long) n : (Object) n;
        out.write(new MessageFormat("{0,choice," + body.substring(colon + 1) + "}", Locale.ENGLISH).format(new Object[] {shown}));
    }

    private Template compile(String key) {
        try {
            return MUSTACHE.compile(lookup(key));
        } catch (RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException("prompt " + key + " is not a valid template: " + e.getMessage(), e);
        }
    }

    private String lookup(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw new ConfigException("prompt key without a file: " + key);
        }
        String file = key.substring(0, colon) + ".yaml";
        String path = key.substring(colon + 1);
        String team = find(trees.computeIfAbsent("team:" + file, k -> load(file, files.readTeam(file))), path);
        if (team != null) {
            return team;
        }
        String bundled = find(trees.computeIfAbsent("jar:" + file, k -> load(file, files.readBundled(file))), path);
        if (bundled == null) {
            throw new ConfigException("no prompt " + key + " in " + files.describe(file));
        }
        return bundled;
    }

    /** The text at a dotted path, where entry names may themselves contain dots; null if absent. */
    private String find(JsonNode node, String path) {
        while (!path.isEmpty()) {
            // longest entry name that matches, so dotted rule ids work as keys
            JsonNode next = null;
            String rest = "";
            for (int i = path.length(); i > 0; i = path.lastIndexOf('.', i - 1)) {
                JsonNode n = node.get(path.substring(0, i));
                if (n != null) {
                    next = n;
                    rest = i < path.length() ? path.substring(i + 1) : "";
                    break;
                }
                if (path.lastIndexOf('.', i - 1) < 0) {
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            node = next;
            path = rest;
        }
        return node.isTextual() ? node.asText() : null;
    }

    private JsonNode load(String file, java.util.Optional<String> content) {
        if (content.isEmpty()) {
            return CandorConfig.YAML.createObjectNode();
        }
        return files.mapping(file, content.get());
    }
}
