package io.candor.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
    private static List<CsvRows.Row> rows(String csv) throws IOException {
        CsvRows in = new CsvRows(new StringReader(csv));
        List<CsvRows.Row> out = new ArrayList<>();
        for (CsvRows.Row r; (r = in.next()) != null; ) {
            out.add(r);
        }
        return out;
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndRowsKnowTheirFirstLine() throws IOException {
        assertThat(rows("id,text\r\n\r\n1,\"She said \"\"hi\"\",\r\nthen left\"\r\n2,plain\r\n")).containsExactly(
                new CsvRows.Row(1, List.of("id", "text")),
                new CsvRows.Row(3, List.of("1", "She said \"hi\",\nthen left")),
                new CsvRows.Row(5, List.of("2", "plain")));
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsTextAndTextAfterAClosingQuoteIsKept() throws IOException {
        assertThat(rows("5\" screen,\"big\" one\n")).singleElement()
                .isEqualTo(new CsvRows.Row(1, List.of("5\" screen", "big one")));
    }

    @Test
    void anUnclosedQuoteIsOneErrorNamingTheLineItOpensOn() throws IOException {
        CsvRows in = new CsvRows(new StringReader("text\nfine\n\"never closed,\nand more\n"));
        assertThat(in.next().cells()).containsExactly("text");
        assertThat(in.next().cells()).containsExactly("fine");
        assertThatThrownBy(in::next).isInstanceOfSatisfying(CsvRows.UnclosedQuote.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).isEqualTo("a quoted field opened on line 3 is never closed");
        });
    }

    @Test
    void anEmptyFileHasNoRows() throws IOException {
        assertThat(rows("")).isEmpty();
        assertThat(rows("\n\n")).isEmpty();
    }
}
