package io.candor.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares an output with its golden file under {@code src/test/resources/golden/}; with
 * {@code -Dgolden.update=true} it writes the file instead, so a deliberate change is one
 * command and a diff to read in review.
 */
final class Golden {
    static final Path ROOT = Path.of("src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {
    }

    static void check(String surface, String file, String actual) {
        Path p = ROOT.resolve(surface).resolve(file);
        try {
            if (UPDATE) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(p)) {
                fail(p + " is missing: mvn -B test -Dtest=GoldenOutputsTest -Dgolden.update=true writes it");
            }
            assertEquals(Files.readString(p, StandardCharsets.UTF_8), actual,
                    p + " differs (if the change is meant, refresh with -Dgolden.update=true and read the diff)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
