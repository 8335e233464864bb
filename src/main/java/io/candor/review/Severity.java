package io.candor.review;

import java.util.Locale;

/** How much a finding matters; ordered from least to most serious. */
public enum Severity {
    HINT, WARNING, PROBLEM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
