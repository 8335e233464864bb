package io.candor.review;

import io.candor.config.DataFiles;
import java.util.List;

/**
 * Makes the detector a rule's {@code detector:} names. The shipped kinds live in
 * {@code review.detect}, which depends on this package; {@link Reviewer} finds them through
 * {@link java.util.ServiceLoader} (META-INF/services) so this package never depends back on them.
 */
public interface DetectorFactory {
    Detector create(Rule rule, DataFiles files, List<RuleSpec> catalogue);

    /** The factory on the class path: exactly one is expected (review.detect's). */
    static DetectorFactory installed() {
        List<DetectorFactory> found = java.util.ServiceLoader.load(DetectorFactory.class, DetectorFactory.class.getClassLoader())
                .stream().map(java.util.ServiceLoader.Provider::get).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + DetectorFactory.class.getName() + " on the class path (META-INF/services), found "
                    + found.size());
        }
        return found.get(0);
    }
}
