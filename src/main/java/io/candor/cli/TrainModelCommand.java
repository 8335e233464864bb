package io.candor.cli;

import io.candor.learn.LinearModel;
import io.candor.quality.HeldOutQuality;
import io.candor.quality.SourceFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor train-model}: trains every shipped model from the labelled data and reports
 * quality honestly: with {@code --hold-out SOURCE} the model never sees that source, and the
 * report is measured on it; {@code --report held-out} does that for every source in turn.
 * Same data, same bytes.
 */
@Command(name = "train-model", mixinStandardHelpOptions = true,
        description = {"Train the learned models from labelled data and report their quality honestly.",
                "Reads a data folder laid out like ../shared/data (labelled/, more/, pairs/; JSONL with",
                "\"text\", \"label\" and, for pairs, \"reply_to\"). A source is a file's name without",
                "-dev.jsonl: youtube, sms, reddit-genuine, instagram-scam, replies-reddit, ..."},
        footer = {"", "Examples:",
                "  candor train-model --data ../shared/data --out config/rules     # rebuilds the shipped model",
                "  candor train-model --data ../shared/data --hold-out instagram-scam",
                "  candor train-model --data ../shared/data --report held-out      # every source left out in turn"})
public final class TrainModelCommand implements Callable<Integer> {
    enum Report { none, held_out, tuned, both }

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The labelled data folder.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Write pitch-model.bin and reply-model.json here (the rules folder).")
    Path out;

    @Option(names = "--hold-out", paramLabel = "SOURCE", split = ",",
            description = "Leave these sources out of training, and report the figures on them.")
    List<String> holdOut = List.of();

    @Option(names = "--report", paramLabel = "WHICH", converter = ReportConverter.class,
            description = "Also measure every source: held-out (each left out in turn), tuned (trained on all), both.")
    Report report = Report.none;

    static final class ReportConverter implements picocli.CommandLine.ITypeConverter<Report> {
        @Override
        public Report convert(String s) {
            return switch (s) {
                case "held-out", "held_out" -> Report.held_out;
                case "tuned" -> Report.tuned;
                case "both" -> Report.both;
                case "none" -> Report.none;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + s + "' is not held-out, tuned or both");
            };
        }
    }

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "0",
            description = "Use at most N genuine reply pairs per pair file (and as many mismatched): quicker, for a look.")
    int pairsPerSource;

    @Option(names = "--unread-half", description = "Measure only the half of each file that error analysis never read (see docs/quality.md).")
    boolean unreadHalf;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(data)) {
            throw new UserError("no data folder " + data);
        }
        HeldOutQuality all = HeldOutQuality.read(data).pairsPerSource(pairsPerSource);
        HeldOutQuality quality = unreadHalf ? all.unreadHalf() : all;
        if (quality.sources().isEmpty()) {
            throw new UserError(data + " holds no labelled/, more/ or pairs/ *.jsonl files");
        }
        Set<String> leave = new LinkedHashSet<>(holdOut);
        for (String s : leave) {
            if (!quality.sources().contains(s)) {
                throw new UserError("no source '" + s + "' in " + data + "; sources: " + String.join(", ", quality.sources()));
            }
        }
        LinearModel model = quality.train(leave);
        io.candor.learn.ReplyModel replyModel;
        try {
            replyModel = quality.trainReplies(leave);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        System.out.printf("pitch model: trained on %s%n", String.join(", ",
                quality.sources().stream().filter(s -> !leave.contains(s)).toList()));
        if (!leave.isEmpty()) {
            var reviewer = HeldOutQuality.reviewerWith(model, replyModel);
            System.out.println("held out of training, measured with the whole reviewer:");
            for (String s : leave) {
                System.out.println("  " + quality.measure(s, reviewer).describe());
            }
        }
        if (report == Report.held_out || report == Report.both) {
            System.out.println("each source held out of training in turn:");
            for (SourceFigures f : quality.heldOut()) {
                System.out.println("  " + f.describe());
            }
        }
        if (report == Report.tuned || report == Report.both) {
            System.out.println("trained on every source (as shipped), measured on each:");
            for (SourceFigures f : quality.tuned()) {
                System.out.println("  " + f.describe());
            }
        }
        if (out != null) {
            if (!leave.isEmpty()) {
                throw new UserError("--out with --hold-out would ship a model trained on part of the data; drop one of them");
            }
            Files.createDirectories(out);
            Path file = out.resolve("pitch-model.bin");
            Files.write(file, model.toBytes());
            System.out.printf("wrote %s (%d bytes)%n", file, Files.size(file));
            Path replies = out.resolve("reply-model.json");
            Files.writeString(replies, replyModel.toJson());
            System.out.printf("wrote %s%n", replies);
        }
        return 0;
    }
}
