package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reviewer on real labelled data nobody here wrote (../shared/data/labelled): the
 * product's quality targets, measured the same way as tools/dev-eval.py. Skipped, with a
 * message, where the data is not present.
 */
class DevDataQualityTest {
    private static final Path DATA = Path.of("..", "shared", "data", "labelled");
    private static final Reviewer REVIEWER = Reviewer.withDefaults();

    record Row(String text, String label) {
    }

    static List<Row> read(String name) throws Exception {
        Path file = DATA.resolve(name);
        assumeTrue(Files.isRegularFile(file), "shared dev data not found at " + file.toAbsolutePath() + "; skipping");
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    rows.add(new Row(n.get("text").asText(), n.get("label").asText()));
                }
            }
        }
        return rows;
    }

    private static boolean pitches(Review r) {
        return r.findings().stream().anyMatch(f -> f.category() == Category.PITCH);
    }

    @Test
    void youtubeSelfPromotionIsFoundPreciselyAndMostlyAll() throws Exception {
        int tp = 0;
        int fp = 0;
        int positives = 0;
        for (Row row : read("youtube-dev.jsonl")) {
            boolean isPitch = row.label().equals("pitch");
            boolean found = pitches(REVIEWER.review(Draft.of(row.text())));
            positives += isPitch ? 1 : 0;
            tp += isPitch && found ? 1 : 0;
            fp += !isPitch && found ? 1 : 0;
        }
        double precision = (double) tp / (tp + fp);
        double recall = (double) tp / positives;
        System.out.printf("youtube-dev: pitch precision %.3f, recall %.3f%n", precision, recall);
        assertThat(precision).as("pitch precision").isGreaterThanOrEqualTo(0.97);
        assertThat(recall).as("pitch recall").isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void genuineCommentsAreRarelyCalledAPitchOrAProblem() throws Exception {
        List<Row> rows = read("reddit-genuine-dev.jsonl");
        int pitch = 0;
        int problem = 0;
        for (Row row : rows) {
            Review r = REVIEWER.review(Draft.of(row.text()));
            pitch += pitches(r) ? 1 : 0;
            problem += r.findings().stream().anyMatch(f -> f.severity() == Severity.PROBLEM) ? 1 : 0;
        }
        double pitchRate = (double) pitch / rows.size();
        double problemRate = (double) problem / rows.size();
        System.out.printf("reddit-genuine-dev: pitch on %.2f%%, a problem on %.2f%%%n", 100 * pitchRate, 100 * problemRate);
        assertThat(pitchRate).as("share of genuine comments with a pitch finding").isLessThan(0.005);
        assertThat(problemRate).as("share of genuine comments with a problem").isLessThan(0.01);
    }
}
