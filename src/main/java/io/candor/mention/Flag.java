package io.candor.mention;

/**
 * Mustache shows a {@code {{#section}}} for any non-null value, even 0 or "". Values that
 * only matter when present go through here, so "0 past the escalation age" never shows.
 */
public final class Flag {
    private Flag() {
    }

    public static Object of(Object v) {
        if (v == null || "".equals(v) || (v instanceof Number n && n.longValue() == 0)) {
            return Boolean.FALSE;
        }
        return v;
    }
}
