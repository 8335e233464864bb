package io.candor.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Labelled texts from JSONL files laid out as in the shared data folder: {@code {"id", "text",
 * "label", "source"?, "reply_to"?}} a line. A file's <em>source name</em> is its file name
 * without "-dev.jsonl" ("youtube", "instagram-scam", "figlang-twitter-pairs"): the unit that
 * is left out when a figure has to be honest about text the model never saw.
 */
public final class LabelledData {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One labelled text. {@code replyTo} is null outside reply pairs. */
    public record Row(String id, String text, String replyTo, String label, String source) {
        public boolean pitch() {
            return label.equals("pitch");
        }

        public boolean isPair() {
            return replyTo != null;
        }

        /**
         * A reply that does not answer its message: put under another thread's message
         * ("ignores"), or judged off-topic by people reading the thread ("off-topic").
         */
        public boolean doesNotAnswer() {
            return label.equals("ignores") || label.equals("off-topic");
        }
    }

    private LabelledData() {
    }

    public static String sourceName(Path file) {
        String n = file.getFileName().toString();
        n = n.endsWith(".jsonl") ? n.substring(0, n.length() - 6) : n;
        return n.endsWith("-dev") ? n.substring(0, n.length() - 4) : n;
    }

    public static List<Row> read(Path file) throws IOException {
        String source = sourceName(file);
        List<Row> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IOException(file + ": line " + lineNo + " is not JSON");
                }
                if (!n.path("text").isTextual() || !n.path("label").isTextual()) {
                    throw new IOException(file + ": line " + lineNo + " needs \"text\" and \"label\"");
                }
                String reply = n.path("reply_to").isTextual() ? n.get("reply_to").asText() : null;
                out.add(new Row(n.path("id").asText(String.valueOf(lineNo)), n.get("text").asText(), reply,
                        n.get("label").asText(), source));
            }
        }
        return out;
    }

    /** Every *.jsonl under a data folder (labelled/, more/, pairs/, support/), in a fixed order. */
    public static List<Path> files(Path dataDir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String sub : List.of("labelled", "more", "pairs", "support")) {
            Path d = dataDir.resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }
}
