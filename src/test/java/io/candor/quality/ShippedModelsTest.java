package io.candor.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.candor.learn.ReplyModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped pitch model is exactly what `candor train-model` makes from the shared data
 * today, and reply training is deterministic: the same pairs give the same file.
 */
class ShippedModelsTest {
    private static final Path DATA = Path.of("..", "shared", "data");

    @Test
    void theShippedPitchModelIsWhatTrainingOnTheSharedDataMakes() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("labelled")), "shared data not found; skipping");
        byte[] trained = HeldOutQuality.read(DATA).train(Set.of()).toBytes();
        byte[] shipped = Files.readAllBytes(Path.of("config", "rules", "pitch-model.bin"));
        assertThat(sha256(trained)).as("retrain with: bin/candor train-model --data ../shared/data --out config/rules")
                .isEqualTo(sha256(shipped));
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void replyTrainingGivesTheSameBytesTwiceAndTheFileReadsBack() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("pairs")), "shared data not found; skipping");
        HeldOutQuality q = HeldOutQuality.read(DATA).pairsPerSource(60);
        String a = q.trainReplies(Set.of()).toJson();
        String b = HeldOutQuality.read(DATA).pairsPerSource(60).trainReplies(Set.of()).toJson();
        assertThat(a).isEqualTo(b);
        assertThat(ReplyModel.fromJson(a).toJson()).isEqualTo(a);
        ReplyModel shipped = ReplyModel.fromJson(Files.readString(Path.of("config", "rules", "reply-model.json")));
        assertThat(shipped.hintAbove()).as("a warning is rarer than a hint").isLessThanOrEqualTo(shipped.warnAbove());
    }
}
