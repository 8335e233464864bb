package io.candor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.Candor;
import io.candor.learn.PitchModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code candor train-model}: trains the naive Bayes pitch model from labelled JSONL and
 * reports its honest quality by k-fold cross-validation before writing it. Same data and
 * options give the same model, byte for byte.
 */
@Command(name = "train-model", mixinStandardHelpOptions = true,
        description = {"Train the learned pitch model from labelled texts and report its quality.",
                "Reads JSONL ({\"text\", \"label\": \"pitch\"|\"none\"}), prints cross-validated precision and",
                "recall per file, and writes the model."},
        footer = {"", "Example (reproduces the shipped config/rules/pitch-model.json):",
                "  candor train-model --out config/rules/pitch-model.json ../shared/data/labelled/*.jsonl"})
public final class TrainModelCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE.jsonl", description = "Labelled texts.")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model (JSON).")
    Path out;

    @Option(names = "--min-count", defaultValue = "3", description = "Leave out features seen in fewer texts (default 3).")
    int minCount;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default 5).")
    int folds;

    @Option(names = "--threshold", defaultValue = "6.0", description = "Log-odds above which a text is called a pitch, for the report (default 6).")
    double threshold;

    @Option(names = "--cv-scores", paramLabel = "FILE",
            description = "Also write each text's cross-validated log-odds (JSONL: file, text, label, log_odds), to study thresholds.")
    Path cvScores;

    record Row(String text, boolean pitch, int file) {
    }

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            try (BufferedReader r = Files.newBufferedReader(files.get(f), StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = json.readTree(line);
                    if (!n.hasNonNull("text") || !n.hasNonNull("label")) {
                        throw new Candor.UserError(files.get(f) + ": every line needs \"text\" and \"label\"");
                    }
                    rows.add(new Row(n.get("text").asText(), n.get("label").asText().equals("pitch"), f));
                }
            } catch (java.nio.file.NoSuchFileException e) {
                throw new Candor.UserError("no such file: " + files.get(f));
            }
        }
        Collections.shuffle(rows, new Random(20261122L));
        int[][] tally = new int[files.size()][4]; // tp, fp, fn, tn
        java.io.Writer scores = cvScores == null ? null : Files.newBufferedWriter(cvScores, StandardCharsets.UTF_8);
        for (int k = 0; k < folds; k++) {
            List<String> texts = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (i % folds != k) {
                    texts.add(rows.get(i).text());
                    labels.add(rows.get(i).pitch());
                }
            }
            PitchModel m = PitchModel.train(texts, labels, minCount);
            for (int i = k; i < rows.size(); i += folds) {
                Row r = rows.get(i);
                double odds = m.score(r.text()).logOdds();
                boolean said = odds > threshold;
                if (scores != null) {
                    scores.write(json.createObjectNode().put("file", files.get(r.file()).getFileName().toString())
                            .put("text", r.text()).put("label", r.pitch() ? "pitch" : "none").put("log_odds", odds) + "\n");
                }
                tally[r.file()][r.pitch() ? (said ? 0 : 2) : (said ? 1 : 3)]++;
            }
        }
        if (scores != null) {
            scores.close();
        }
        System.out.printf("%d-fold cross-validation at log-odds > %.1f:%n", folds, threshold);
        for (int f = 0; f < files.size(); f++) {
            int[] t = tally[f];
            System.out.printf("  %s: precision %.3f, recall %.3f, flagged %.2f%% of %d non-pitch texts%n",
                    files.get(f).getFileName(), t[0] + t[1] == 0 ? 0.0 : (double) t[0] / (t[0] + t[1]),
                    t[0] + t[2] == 0 ? 0.0 : (double) t[0] / (t[0] + t[2]),
                    t[1] + t[3] == 0 ? 0.0 : 100.0 * t[1] / (t[1] + t[3]), t[1] + t[3]);
        }
        PitchModel model = PitchModel.train(rows.stream().map(Row::text).toList(),
                rows.stream().map(Row::pitch).toList(), minCount);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(model.toJson(json)) + "\n");
        System.out.printf("wrote %s: %d features from %d texts%n", out, model.size(), rows.size());
        return 0;
    }
}
