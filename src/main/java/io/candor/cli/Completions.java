package io.candor.cli;

import io.candor.platform.Platform;
import io.candor.review.DraftKind;
import io.candor.review.Severity;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The values shell completion offers for an option ({@code candor generate-completion}), taken
 * from the same enums the commands check their input against, so completion never offers a value
 * a command refuses.
 */
final class Completions {
    private Completions() {
    }

    /** Every name a platform answers to: x, twitter, bluesky, …, youtube-title. */
    static final class Platforms implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Platform.known().split(", ")).iterator();
        }
    }

    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(DraftKind.values()).map(DraftKind::id).iterator();
        }
    }

    static final class Severities implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Severity.values()).map(Severity::id).iterator();
        }
    }

    /** {@code stats} and {@code mentions list}: text, json or csv. */
    static final class TableFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("text", "json", "csv").iterator();
        }
    }

    static final class MentionStates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("open", "in_progress", "answered", "dismissed", "all").iterator();
        }
    }
}
