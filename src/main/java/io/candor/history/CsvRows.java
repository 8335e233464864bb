package io.candor.history;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: commas, double quotes, "" inside quotes, newlines inside quotes)
 * one record at a time, remembering the line each record starts on for error messages.
 */
final class CsvRows {
    private final Reader in;
    private int line = 1;
    private int startLine;
    private int peeked = -2;

    CsvRows(Reader in) {
        this.in = in;
    }

    /** The line the last record returned by {@link #next()} started on. */
    int startLine() {
        return startLine;
    }

    /** The next record's fields, or null at the end. Throws when a quote is never closed. */
    List<String> next() throws IOException {
        int c = read();
        while (c == '\n' || c == '\r') { // blank lines are not records
            c = read();
        }
        if (c < 0) {
            return null;
        }
        startLine = line - (c == '\n' ? 1 : 0);
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new IOException("a quoted field opened on line " + startLine + " is never closed");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        f.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    f.append((char) c);
                }
            } else if (c == '"' && f.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r' || c < 0) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        peeked = d;
                    }
                }
                fields.add(f.toString());
                return fields;
            } else {
                f.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
