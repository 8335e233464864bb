package io.candor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.candor.mention.BadMention;
import io.candor.mention.MentionInput;
import io.candor.mention.MentionTracker;
import io.candor.mention.model.Ingested;
import io.candor.mention.model.NewMention;
import io.candor.prompts.Prompts;
import io.candor.text.CsvRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Reads mentions from a CSV (header line naming the columns) or JSONL file and takes them in
 * batches; a bad row is counted with its line number and skipped, the rest still go in.
 */
final class MentionImport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;

    record BadRow(int line, String why) {
    }

    record Result(int total, int created, int known, List<BadRow> bad) {
    }

    private final MentionTracker tracker;
    private final MentionInput input;
    private final Prompts prompts;
    private final Clock clock;

    MentionImport(MentionTracker tracker, MentionInput input, Prompts prompts, Clock clock) {
        this.tracker = tracker;
        this.input = input;
        this.prompts = prompts;
        this.clock = clock;
    }

    enum Format { CSV, JSONL }

    static Format formatOf(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        if (f.endsWith(".csv")) {
            return Format.CSV;
        }
        if (f.endsWith(".jsonl") || f.endsWith(".ndjson") || f.endsWith(".json")) {
            return Format.JSONL;
        }
        return null;
    }

    /** @param progress told the line number reached, for the progress bar */
    Result run(BufferedReader in, Format format, String fileName, LongConsumer progress) throws IOException {
        List<NewMention> batch = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        int[] counts = new int[3]; // total, created, known
        if (format == Format.JSONL) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                counts[0]++;
                try {
                    take(JSON.readTree(line), batch, counts);
                } catch (JsonProcessingException e) {
                    bad.add(new BadRow(n, prompts.render("mentions:web.bad-json", Map.of("why", e.getOriginalMessage()))));
                } catch (BadMention e) {
                    bad.add(new BadRow(n, e.getMessage()));
                }
                progress.accept(n);
            }
        } else {
            CsvRows rows = new CsvRows(in);
            CsvRows.Row header = rows.next();
            if (header == null) {
                return new Result(0, 0, 0, bad);
            }
            // a spreadsheet's UTF-8 export may start with a byte order mark
            List<String> columns = header.cells().stream()
                    .map(c -> c.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            for (String c : columns) {
                if (!MentionInput.FIELDS.contains(c)) {
                    throw new UserError(prompts.render("mentions:import.bad-header", Map.of("file", fileName,
                            "column", c, "known", String.join(",", MentionInput.FIELDS))));
                }
            }
            while (true) {
                CsvRows.Row row;
                try {
                    row = rows.next();
                } catch (CsvRows.UnclosedQuote e) {
                    // the quote runs to the end of the file: that row is bad and nothing follows it
                    counts[0]++;
                    bad.add(new BadRow(Math.toIntExact(e.line()), prompts.render("mentions:import.csv-quote")));
                    break;
                }
                if (row == null) {
                    break;
                }
                counts[0]++;
                ObjectNode obj = JSON.createObjectNode();
                for (int i = 0; i < Math.min(columns.size(), row.cells().size()); i++) {
                    if (!row.cells().get(i).isBlank()) {
                        obj.put(columns.get(i), row.cells().get(i));
                    }
                }
                try {
                    take(obj, batch, counts);
                } catch (BadMention e) {
                    bad.add(new BadRow(Math.toIntExact(row.line()), e.getMessage()));
                }
                progress.accept(row.line());
            }
        }
        flush(batch, counts);
        return new Result(counts[0], counts[1], counts[2], bad);
    }

    private void take(JsonNode node, List<NewMention> batch, int[] counts) {
        batch.add(input.read(node, clock.instant()));
        if (batch.size() >= BATCH) {
            flush(batch, counts);
        }
    }

    private void flush(List<NewMention> batch, int[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        for (Ingested i : tracker.ingest(batch, "import")) {
            counts[i.created() ? 1 : 2]++;
        }
        batch.clear();
    }
}
