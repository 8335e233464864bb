package io.candor.review;

/** The one-line summary at the top of a review. */
public enum Verdict {
    READY("ready"), ANOTHER_LOOK("worth-another-look"), RETHINK("rethink");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Verdict of(java.util.List<Finding> findings) {
        Severity worst = findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.HINT);
        if (findings.isEmpty() || worst == Severity.HINT) {
            return READY;
        }
        return worst == Severity.PROBLEM ? RETHINK : ANOTHER_LOOK;
    }
}
