package io.candor.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.Candor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitchModelTest {
    private static final List<String> PITCH = List.of(
            "Win a free cruise, txt WIN to 80000 now", "Free ringtones! txt TONE to 80000",
            "Claim your free prize, call 09061234567", "You won a free holiday, call now",
            "Free entry to win cash, txt CASH now");
    private static final List<String> TALK = List.of(
            "See you at lunch, bring the notes", "Did you call your mum back?",
            "The train is late again, sorry", "Lunch was great, thanks for the notes", "Call me when you land");

    static PitchModel trained() {
        List<String> texts = new ArrayList<>(PITCH);
        texts.addAll(TALK);
        List<Boolean> labels = new ArrayList<>();
        PITCH.forEach(t -> labels.add(true));
        TALK.forEach(t -> labels.add(false));
        return PitchModel.train(texts, labels, 2);
    }

    @Test
    void promotionsScoreAboveConversationAndTheStrongestWordsAreNamed() {
        PitchModel m = trained();
        PitchModel.Score spam = m.score("Free cash prize, txt WIN now");
        assertThat(spam.logOdds()).isGreaterThan(m.score("Sorry, the train is late, see you at lunch").logOdds());
        assertThat(spam.strongest().name()).isIn("free", "txt", "win", "now", "cash", "free cash", "txt win", "win now");
    }

    @Test
    void theModelSurvivesARoundTripThroughJson() throws Exception {
        PitchModel m = trained();
        ObjectMapper json = new ObjectMapper();
        PitchModel back = PitchModel.fromJson(json.readTree(json.writeValueAsString(m.toJson(json))));
        assertThat(back.score("free prize txt now").logOdds()).isEqualTo(m.score("free prize txt now").logOdds());
    }

    /**
     * The shipped model is exactly what {@code candor train-model} makes from the shared
     * data today: a change to tokens or features that would leave it stale fails here.
     */
    @Test
    void theShippedModelIsWhatTrainingOnTheSharedDataMakes(@TempDir Path dir) throws Exception {
        Path data = Path.of("..", "shared", "data", "labelled");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(data),
                "shared labelled data not found at " + data.toAbsolutePath() + "; skipping");
        Path out = dir.resolve("model.json");
        String[] files;
        try (var list = Files.list(data)) {
            files = list.filter(f -> f.toString().endsWith(".jsonl")).sorted().map(Path::toString).toArray(String[]::new);
        }
        String[] args = new String[files.length + 5];
        args[0] = "train-model";
        args[1] = "--out";
        args[2] = out.toString();
        args[3] = "--folds";
        args[4] = "2";
        System.arraycopy(files, 0, args, 5, files.length);
        assertThat(Candor.run(args)).isZero();
        assertThat(Files.readString(out)).as("config/rules/pitch-model.json is stale: retrain it (see README)")
                .isEqualTo(Files.readString(Path.of("config", "rules", "pitch-model.json")));
    }

    @Test
    void trainingIsReproducibleFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("labelled.jsonl");
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        PITCH.forEach(t -> sb.append(json.createObjectNode().put("text", t).put("label", "pitch")).append('\n'));
        TALK.forEach(t -> sb.append(json.createObjectNode().put("text", t).put("label", "none")).append('\n'));
        Files.writeString(data, sb.toString());
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertThat(Candor.run("train-model", "--out", a.toString(), "--folds", "2", "--min-count", "2", data.toString())).isZero();
        assertThat(Candor.run("train-model", "--out", b.toString(), "--folds", "2", "--min-count", "2", data.toString())).isZero();
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).contains("\"weights\"");
    }
}
