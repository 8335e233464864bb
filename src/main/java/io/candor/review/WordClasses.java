package io.candor.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named word classes from lists.yaml ({@code classes: {my: [my, our, me, us], ...}}) that a
 * pattern uses as {@code @{my}}: one vocabulary for a concept, shared by every rule that
 * needs it. A class may use other classes; a class that is not defined, or that uses
 * itself, is an error naming where.
 */
final class WordClasses {
    private static final Pattern REF = Pattern.compile("@\\{([a-z_]+)}");
    private static final int MAX_DEPTH = 8;

    private WordClasses() {
    }

    static String expand(String pattern, JsonNode lists, String where) {
        return expand(pattern, lists, where, 0);
    }

    private static String expand(String pattern, JsonNode lists, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ConfigException(where + ": word classes use each other in a circle");
        }
        Matcher m = REF.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            JsonNode cls = lists == null ? null : lists.path("classes").get(name);
            if (cls == null || !cls.isArray() || cls.isEmpty()) {
                throw new ConfigException(where + ": unknown word class @{" + name + "} (see "
                        + RuleCatalog.LISTS + ", classes)");
            }
            List<String> alts = new ArrayList<>();
            // longest first, so "check out" is tried before "check"
            cls.forEach(a -> alts.add(expand(a.asText(), lists, where, depth + 1)));
            alts.sort((a, b) -> Integer.compare(b.length(), a.length()));
            m.appendReplacement(out, Matcher.quoteReplacement("(?:" + String.join("|", alts) + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
