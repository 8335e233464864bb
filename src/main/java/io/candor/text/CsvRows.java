package io.candor.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file (RFC 4180, read by Apache Commons CSV): commas, double quotes,
 * {@code ""} inside quotes, line breaks inside quoted cells (given as {@code \n} whatever the
 * file used). Blank lines are skipped. Each row knows the line it starts on, for error messages.
 */
public final class CsvRows {
    /** One row: the line of the file it starts on (1-based) and its cells. */
    public record Row(long line, List<String> cells) {
    }

    /** A quoted cell runs to the end of the file: nothing from {@link #line()} on can be read. */
    public static final class UnclosedQuote extends IOException {
        private final long line;

        UnclosedQuote(long line, Throwable cause) {
            super("a quoted field opened on line " + line + " is never closed", cause);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false) // kept, so that every line is counted; skipped in next()
            .setTrailingData(true)      // "quoted"rest reads as quotedrest, as spreadsheets write it
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesRead;

    public CsvRows(Reader in) throws IOException {
        this.parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    /** The next row that is not blank, or null at the end. */
    public Row next() throws IOException {
        while (true) {
            long start = linesRead + 1;
            CSVRecord r;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                r = records.next();
            } catch (UncheckedIOException e) {
                // with trailing data allowed, the only malformed CSV left is a quote never closed
                if (e.getCause() instanceof CSVException bad) {
                    throw new UnclosedQuote(start, bad);
                }
                throw e.getCause(); // the file could not be read
            }
            linesRead = parser.getCurrentLineNumber();
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>(r.size());
            for (String c : r) {
                cells.add(c.indexOf('\r') < 0 ? c : c.replace("\r\n", "\n").replace('\r', '\n'));
            }
            return new Row(start, cells);
        }
    }
}
