package io.candor.history;

import io.candor.platform.Platform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Platforms as one bit each, the way the index keeps them, and as the comma list the database keeps. */
final class PlatformMask {
    private PlatformMask() {
    }

    static int of(Collection<Platform> platforms) {
        int m = 0;
        for (Platform p : platforms) {
            m |= 1 << p.ordinal();
        }
        return m;
    }

    static List<Platform> platforms(int mask) {
        List<Platform> out = new ArrayList<>();
        for (Platform p : Platform.values()) {
            if ((mask & 1 << p.ordinal()) != 0) {
                out.add(p);
            }
        }
        return out;
    }

    static String column(Collection<Platform> platforms) {
        return String.join(",", platforms.stream().map(Platform::id).toList());
    }

    static int parseColumn(String column) {
        int m = 0;
        if (column == null || column.isBlank()) {
            return 0;
        }
        for (String name : column.split(",")) {
            m |= Platform.find(name).map(p -> 1 << p.ordinal()).orElse(0);
        }
        return m;
    }
}
