package io.candor.review;

import java.util.List;

/**
 * A stateless check. It gets its settings once, at construction, from a rule file, and
 * then looks at analysed drafts, possibly from several threads at once.
 */
public interface Detector {
    List<Finding> detect(AnalyzedDraft draft);
}
