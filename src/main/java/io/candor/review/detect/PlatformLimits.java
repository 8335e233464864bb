package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.platform.Platform;
import io.candor.review.RuleSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per-platform values from a rule file ({@code limits: {twitter: 280, ...}}), with platform names checked. */
final class PlatformLimits {
    private PlatformLimits() {
    }

    static Map<Platform, Integer> read(RuleSpec spec, String key, Map<String, Integer> raw) {
        Map<Platform, Integer> out = new EnumMap<>(Platform.class);
        raw.forEach((name, v) -> out.put(platform(spec, key, name), v));
        return out;
    }

    static Set<Platform> set(RuleSpec spec, String key, List<String> names) {
        Set<Platform> out = java.util.EnumSet.noneOf(Platform.class);
        names.forEach(n -> out.add(platform(spec, key, n)));
        return out;
    }

    static Platform platform(RuleSpec spec, String key, String name) {
        return Platform.find(name).orElseThrow(() -> new ConfigException(spec.where() + ": key '" + key
                + "': unknown platform '" + name + "'"));
    }
}
