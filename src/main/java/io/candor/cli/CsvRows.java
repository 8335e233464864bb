package io.candor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: commas, double quotes, "" inside quotes, line breaks inside quoted cells.
 * Each row remembers the line it started on, for error messages.
 */
final class CsvRows {
    record Row(int line, List<String> cells, boolean unclosedQuote) {
    }

    private final BufferedReader in;
    private int line;

    CsvRows(BufferedReader in) {
        this.in = in;
    }

    /** The next row, or null at the end. */
    Row next() throws IOException {
        String first = in.readLine();
        while (first != null && first.isEmpty()) {
            line++;
            first = in.readLine();
        }
        if (first == null) {
            return null;
        }
        line++;
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String text = first;
        int i = 0;
        while (true) {
            if (i >= text.length()) {
                if (quoted) {
                    String more = in.readLine();
                    if (more == null) {
                        cells.add(cell.toString());
                        return new Row(start, cells, true);
                    }
                    line++;
                    cell.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                cells.add(cell.toString());
                return new Row(start, cells, false);
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
    }
}
