package io.candor.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.candor.platform.Platform;
import io.candor.store.HistoryRow;
import io.candor.store.HistoryStore;
import io.candor.text.CsvRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Imports a team's past posts (CSV with a header, or JSONL; fields text, platform,
 * posted_at, author) into the history. Rows are committed in batches; each row has a key
 * made from its content, so re-running after a crash or on the same file adds nothing
 * twice. Bad rows are skipped and reported with their line numbers; the rest goes in.
 */
public final class HistoryImport {
    /** How many bad rows are described one by one; the rest are only counted. */
    public static final int BAD_ROWS_SHOWN = 20;
    private static final java.util.regex.Pattern EPOCH = java.util.regex.Pattern.compile("\\d{9,13}");
    private static final java.util.regex.Pattern PLATFORM_LIST = java.util.regex.Pattern.compile("[,;|\\s]+");
    private static final char NOT_UTF8 = '\uFFFF';
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HistoryStore store;
    private final Sketcher sketcher;
    private final HistorySettings settings;
    private final Clock clock;
    private final String team;
    private final int batchSize;
    /** For the rows' keys; only the reading thread uses it. */
    private final MessageDigest sha;

    public enum Format { CSV, JSONL }

    /** A row that was not imported, and why (in the user's terms). */
    public record BadRow(long line, String why) {
    }

    /** {@code badWhy}: how many bad rows for each kind of reason, most first ("bad posted_at" → 3). */
    public record Result(long added, long alreadyThere, long tooOld, long badCount, List<BadRow> bad,
                         Map<String, Long> badWhy) {
    }

    /** Raised for a file that cannot be imported at all (unreadable, unknown format, no text column). */
    public static final class ImportException extends RuntimeException {
        public ImportException(String message) {
            super(message);
        }
    }

    public HistoryImport(HistoryStore store, HistorySettings settings, Clock clock, String team, int batchSize) {
        this.store = store;
        this.sketcher = new Sketcher(settings);
        this.settings = settings;
        this.clock = clock;
        this.team = team == null ? "" : team;
        this.batchSize = batchSize;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Format formatOf(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Format.JSONL;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank()) {
                    return l.strip().startsWith("{") ? Format.JSONL : null;
                }
            }
        }
        return null;
    }

    /**
     * Imports the file; {@code progress} gets the bytes read so far after each committed
     * batch. Rows committed before a failure stay committed.
     */
    public Result run(InputStream raw, Format format, LongConsumer progress) throws IOException {
        CountingStream counted = new CountingStream(raw);
        store.prepareForImport();
        Tally tally = new Tally();
        try {
            read(counted, format, tally, progress);
            awaitWrite(tally);
            return tally.result();
        } catch (IOException | RuntimeException e) {
            try {
                awaitWrite(tally); // what was handed over is committed before the failure is reported
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        } finally {
            tally.writer.shutdownNow();
        }
    }

    private void read(CountingStream counted, Format format, Tally tally, LongConsumer progress) throws IOException {
        // bytes that are not UTF-8 become U+FFFF, a noncharacter no real text holds, so the row
        // that has them is named (a U+FFFD written in the file is text like any other)
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(NOT_UTF8));
        List<HistoryRow> batch = new ArrayList<>(batchSize);
        Instant now = clock.instant();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(counted, decoder), 1 << 16)) {
            if (format == Format.JSONL) {
                long line = 0;
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    line++;
                    if (l.isBlank()) {
                        continue;
                    }
                    Map<String, String> fields;
                    try {
                        fields = jsonFields(l);
                    } catch (IOException e) {
                        tally.bad(line, "not JSON", "not a JSON object");
                        continue;
                    }
                    add(fields, line, now, batch, tally, counted, progress);
                }
            } else {
                CsvRows csv = new CsvRows(in);
                CsvRows.Row header = csv.next();
                if (header == null) {
                    return;
                }
                List<String> names = header.cells().stream().map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
                for (String required : List.of("text", "posted_at")) {
                    if (!names.contains(required)) {
                        throw new ImportException("missing-column:" + required);
                    }
                }
                while (true) {
                    CsvRows.Row row;
                    try {
                        row = csv.next();
                    } catch (CsvRows.UnclosedQuote e) {
                        tally.bad(e.line(), "unclosed quote", e.getMessage());
                        break;
                    }
                    if (row == null) {
                        break;
                    }
                    if (row.cells().size() != names.size()) {
                        tally.bad(row.line(), "wrong number of fields",
                                "has " + row.cells().size() + " fields, the header has " + names.size());
                        continue;
                    }
                    Map<String, String> fields = new java.util.HashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        fields.put(names.get(i), row.cells().get(i));
                    }
                    add(fields, row.line(), now, batch, tally, counted, progress);
                }
            }
        }
        flush(batch, tally, counted, progress);
    }

    private void add(Map<String, String> f, long line, Instant now, List<HistoryRow> batch, Tally tally,
                     CountingStream counted, LongConsumer progress) {
        String text = f.getOrDefault("text", "");
        if (text.isBlank()) {
            tally.bad(line, "no text", "no text");
            return;
        }
        if (text.indexOf(NOT_UTF8) >= 0) {
            tally.bad(line, "not UTF-8", "the text is not valid UTF-8 (save the file as UTF-8; it may be Windows-1252 or Latin-1)");
            return;
        }
        Instant at;
        try {
            at = instant(f.getOrDefault("posted_at", ""));
        } catch (DateTimeParseException e) {
            tally.bad(line, "bad posted_at", "posted_at '" + f.get("posted_at") + "' is not a date and time like 2026-03-01T09:30:00Z");
            return;
        }
        if (at == null) {
            tally.bad(line, "no posted_at", "no posted_at");
            return;
        }
        Set<Platform> platforms = new LinkedHashSet<>();
        String pl = f.getOrDefault("platform", f.getOrDefault("platforms", ""));
        for (String name : PLATFORM_LIST.split(pl)) {
            if (!name.isBlank()) {
                var p = Platform.find(name);
                if (p.isEmpty()) {
                    tally.bad(line, "unknown platform", "unknown platform '" + name + "' (known: " + Platform.known() + ")");
                    return;
                }
                platforms.add(p.get());
            }
        }
        if (at.isBefore(settings.signatureCutoff(now))) {
            tally.tooOld++;
            return;
        }
        Sketch s = sketcher.sketch(text);
        if (s.isEmpty()) {
            tally.bad(line, "no words", "no words to compare (only links, handles or emoji)");
            return;
        }
        String author = f.getOrDefault("author", "").strip();
        String column = PlatformMask.column(platforms);
        boolean keepText = at.isAfter(settings.textCutoff(now));
        var fp = s.fingerprint();
        batch.add(new HistoryRow(0, team, author, "import", column, at, keepText ? text : null,
                keepText ? s.normalized() : null, fp.signature(), fp.anchorsColumn(), fp.shingles(), fp.pairs(), true,
                key(text, column, at, author)));
        if (batch.size() >= batchSize) {
            flush(batch, tally, counted, progress);
        }
    }

    /**
     * Hands a full batch to the writer thread, after the previous one is committed: the
     * database writes one batch while this thread reads and sketches the next.
     */
    private void flush(List<HistoryRow> batch, Tally tally, CountingStream counted, LongConsumer progress) {
        awaitWrite(tally);
        if (batch.isEmpty()) {
            return;
        }
        List<HistoryRow> rows = List.copyOf(batch);
        long bytes = counted.count;
        batch.clear();
        tally.pending = tally.writer.submit(() -> {
            int added = store.insertImported(rows);
            tally.added += added;
            tally.alreadyThere += rows.size() - added;
            progress.accept(bytes);
            return null;
        });
    }

    private static void awaitWrite(Tally tally) {
        if (tally.pending == null) {
            return;
        }
        try {
            tally.pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            tally.pending = null;
        }
    }

    /** A 64-bit content hash: the same row imported twice gets the same key. */
    private long key(String text, String platforms, Instant at, String author) {
        for (String part : new String[] {team, text, platforms, at.toString(), author}) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return java.nio.ByteBuffer.wrap(sha.digest()).getLong(); // digest() also resets it for the next row
    }

    private Instant instant(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (EPOCH.matcher(t).matches()) {
            long n = Long.parseLong(t);
            return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // fall through to forms without an offset
        }
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(settings.zoneId()).toInstant();
        }
        return LocalDateTime.parse(t.replace(' ', 'T')).atZone(settings.zoneId()).toInstant();
    }

    private static Map<String, String> jsonFields(String line) throws IOException {
        JsonNode n = JSON.readTree(line);
        if (n == null || !n.isObject()) {
            throw new IOException("not an object");
        }
        Map<String, String> out = new java.util.HashMap<>();
        n.properties().forEach(e -> {
            JsonNode v = e.getValue();
            String value;
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                value = String.join(",", parts);
            } else {
                value = v.isNull() ? "" : v.asText();
            }
            out.put(e.getKey().toLowerCase(Locale.ROOT), value);
        });
        return out;
    }

    private static final class Tally {
        final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "candor-import-writer");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Future<?> pending;
        long added;
        long alreadyThere;
        long tooOld;
        long badCount;
        final List<BadRow> bad = new ArrayList<>();
        final Map<String, Long> why = new java.util.HashMap<>();

        void bad(long line, String kind, String detail) {
            badCount++;
            why.merge(kind, 1L, Long::sum);
            if (bad.size() < BAD_ROWS_SHOWN) {
                bad.add(new BadRow(line, detail));
            }
        }

        Result result() {
            Map<String, Long> sorted = new java.util.LinkedHashMap<>();
            why.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return new Result(added, alreadyThere, tooOld, badCount, List.copyOf(bad), sorted);
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
