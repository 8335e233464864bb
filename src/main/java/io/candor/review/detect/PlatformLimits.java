package io.candor.review.detect;

import com.fasterxml.jackson.databind.JsonNode;
import io.candor.config.ConfigException;
import io.candor.review.Platform;
import io.candor.review.RuleSpec;
import java.util.EnumMap;
import java.util.Map;

/** A per-platform number from a rule file ({@code limits: {twitter: 280, ...}}). */
final class PlatformLimits {
    private PlatformLimits() {
    }

    static Map<Platform, Integer> read(RuleSpec spec, String key) {
        Map<Platform, Integer> out = new EnumMap<>(Platform.class);
        JsonNode n = spec.node(key);
        n.properties().forEach(e -> {
            Platform p = Platform.find(e.getKey()).orElseThrow(() -> new ConfigException(spec.file() + ": rule "
                    + spec.id() + ": unknown platform '" + e.getKey() + "' in " + key));
            out.put(p, e.getValue().asInt());
        });
        return out;
    }
}
