package io.candor.daemon;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes the same arguments mean the same run: the folder they are relative to
 * ({@code config/candor.yaml} is found from there), the environment Candor reads (its own
 * variables, the chat tokens, the data and cache folders, the time zone, the language, the
 * JVM options), and the JVM's defaults those set. The daemon serves a command only when its
 * own context is the caller's, so a command's output is the same with a daemon or without.
 */
final class RunContext {
    /** Variables compared whole; {@link #PREFIXES} take every variable that starts with them. */
    static final java.util.Set<String> NAMES = java.util.Set.of("HOME", "TZ", "LANG", "NO_COLOR", "JAVA_OPTS",
            "JAVA_HOME", "JAVA_TOOL_OPTIONS", "USER", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR",
            "CLICOLOR", "CLICOLOR_FORCE");
    static final java.util.List<String> PREFIXES = java.util.List.of("CANDOR_", "SLACK_", "DISCORD_", "LC_");

    private RunContext() {
    }

    /** This process's context. */
    static Map<String, String> current() {
        return of(System.getenv(), System.getProperty("user.dir"));
    }

    /** Plain loops, no string concatenation: this runs before every review (see {@link DaemonSocket#forThisBuild}). */
    static Map<String, String> of(Map<String, String> env, String workingFolder) {
        Map<String, String> c = new TreeMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (compared(e.getKey())) {
                c.put(new StringBuilder("$").append(e.getKey()).toString(), e.getValue());
            }
        }
        // named as the daemon's log line says them: "a review came with another working folder than this daemon's"
        c.put("working folder", workingFolder);
        c.put("time zone", ZoneId.systemDefault().getId());
        c.put("language", Locale.getDefault().toLanguageTag());
        c.put("character set", Charset.defaultCharset().name());
        c.put("user", System.getProperty("user.name"));
        return c;
    }

    static boolean compared(String variable) {
        if (NAMES.contains(variable)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (variable.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether picocli would colour its usage help for a caller at a terminal or not, with this
     * (compared, so shared) environment: its rule outside Windows ({@code Help.Ansi.AUTO}), which
     * the daemon cannot ask it directly, as picocli works out the terminal once per JVM.
     */
    static boolean colours(boolean terminal, Map<String, String> env) {
        if (env.get("NO_COLOR") != null) {
            return false;
        }
        String force = env.get("CLICOLOR_FORCE");
        if (force != null && !force.equals("0")) {
            return true;
        }
        return !"0".equals(env.get("CLICOLOR")) && terminal;
    }

    /** The first thing that differs, named for the daemon's log line (never a value: tokens are among them). */
    static java.util.Optional<String> difference(Map<String, String> mine, Map<String, String> theirs) {
        TreeMap<String, String> keys = new TreeMap<>(mine);
        theirs.forEach(keys::putIfAbsent);
        for (String k : keys.keySet()) {
            if (!java.util.Objects.equals(mine.get(k), theirs.get(k))) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
