package io.candor.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole reviewer on real labelled data nobody here wrote (../shared/data), measured the
 * honest way: each source with the learned models trained without it. The floors are the
 * figures docs/quality.md reports, less a small margin for the reply subsample; where the issue's
 * target is met it is the floor itself. Skipped, with a message, where the data is absent.
 */
class HeldOutQualityTest {
    private static final Path DATA = Path.of("..", "shared", "data");
    /** Reply pairs per file in this test; the figures in docs/quality.md use every pair. */
    private static final int PAIRS = 400;
    private static Map<String, SourceFigures> heldOut;

    @BeforeAll
    static void measure() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("labelled")), "shared dev data not found at "
                + DATA.toAbsolutePath() + "; skipping");
        List<SourceFigures> figures = HeldOutQuality.read(DATA).pairsPerSource(PAIRS).heldOut();
        figures.forEach(f -> System.out.println("held out: " + f.describe()));
        heldOut = figures.stream().collect(Collectors.toMap(SourceFigures::source, Function.identity()));
    }

    private static SourceFigures of(String source) {
        assumeTrue(heldOut != null && heldOut.containsKey(source), source + " is not in the shared data");
        return heldOut.get(source);
    }

    @Test
    void pitchIsFoundOnSourcesTheModelNeverSaw() {
        assertThat(of("instagram-scam").f1()).as("instagram-scam pitch F1, held out").isGreaterThanOrEqualTo(0.79);
        assertThat(of("sms").f1()).as("sms pitch F1, held out").isGreaterThanOrEqualTo(0.89);
        assertThat(of("youtube").f1()).as("youtube pitch F1, held out").isGreaterThanOrEqualTo(0.83);
        for (String s : List.of("instagram-scam", "sms", "youtube")) {
            assertThat(of(s).precision()).as(s + " pitch precision, held out").isGreaterThanOrEqualTo(0.94);
        }
    }

    @Test
    void genuineCommentsAndRepliesAreAlmostNeverCalledAPitch() {
        assertThat(of("reddit-genuine").falsePitchRate()).as("genuine Reddit comments called a pitch").isLessThanOrEqualTo(0.002);
        for (SourceFigures f : heldOut.values()) {
            if (f.kind() == SourceFigures.Kind.PAIRS) {
                assertThat(f.falsePitchRate()).as(f.source() + ": genuine replies called a pitch").isLessThanOrEqualTo(0.015);
            }
        }
    }

    @Test
    void genuineRepliesAreRarelyToldTheyIgnoreTheMessage() {
        for (SourceFigures f : heldOut.values()) {
            if (f.kind() == SourceFigures.Kind.PAIRS) {
                assertThat(f.falseIgnoreRate()).as(f.source() + ": genuine replies told they do not engage")
                        .isLessThanOrEqualTo(0.03);
                // forum answers judged off-topic in their own thread are about its subject: the hardest to tell
                double floor = f.source().startsWith("forum-answers") ? 0.06 : 0.10;
                assertThat(f.mismatchCaught()).as(f.source() + ": replies that do not answer caught").isGreaterThanOrEqualTo(floor);
            }
        }
    }

    @Test
    void brandSupportRepliesAreServiceNotAPitch() {
        SourceFigures brand = of("brand-replies-ibm");
        assertThat(brand.falsePitchRate()).as("brand support replies called a pitch").isLessThanOrEqualTo(0.0075);
        assertThat(brand.problemRate()).as("brand support replies given a problem").isLessThanOrEqualTo(0.0075);
        assertThat(brand.warnedRate()).as("brand support replies given a warning or a problem").isLessThanOrEqualTo(0.025);
    }
}
