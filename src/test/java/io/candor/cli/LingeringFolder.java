package io.candor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for tests that run commands in this JVM against an H2 file. H2's mixed
 * mode lets its lock-file watchdog and server threads finish a moment after the command
 * returns, so on a loaded machine a file can reappear while JUnit's @TempDir is deleting the
 * folder. This one is deleted with a few retries instead of failing the test that used it.
 */
final class LingeringFolder implements AutoCloseable {
    private final Path path;

    LingeringFolder() {
        try {
            path = Files.createTempDirectory("candor-cli");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Stream<Path> all = Files.walk(path)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a file came or went while walking: try again
            }
            if (!Files.exists(path)) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
