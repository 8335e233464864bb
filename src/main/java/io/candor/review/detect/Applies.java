package io.candor.review.detect;

import io.candor.config.ConfigException;
import io.candor.review.AnalyzedDraft;
import io.candor.review.RuleSpec;

/** When a rule looks at a draft at all: always, only replies, or only stand-alone posts. */
enum Applies {
    ALWAYS, REPLY, POST;

    static Applies of(RuleSpec spec) {
        String s = spec.text("applies", "always");
        return switch (s) {
            case "always" -> ALWAYS;
            case "reply" -> REPLY;
            case "post" -> POST;
            default -> throw new ConfigException(spec.file() + ": rule " + spec.id()
                    + ": applies must be always, reply or post, not '" + s + "'");
        };
    }

    boolean to(AnalyzedDraft d) {
        return switch (this) {
            case ALWAYS -> true;
            case REPLY -> d.replyTo().isPresent();
            case POST -> d.replyTo().isEmpty();
        };
    }
}
