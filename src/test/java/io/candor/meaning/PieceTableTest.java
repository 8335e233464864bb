package io.candor.meaning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The piece table the pitch model reads (config/rules/pitch-meaning.bin): it reads back as
 * written, and texts that mean the same kind of thing land near each other even with no word
 * in common, as they do for the sentence model it was distilled from.
 */
class PieceTableTest {
    private static PieceTable table;

    @BeforeAll
    static void load() throws IOException {
        table = PieceTable.fromBytes(Files.readAllBytes(Path.of("config", "rules", "pitch-meaning.bin")));
    }

    private static double cos(String a, String b) {
        return SentenceEncoder.cosine(table.meaning(a), table.meaning(b));
    }

    @Test
    void readsBackAsWritten() throws IOException {
        byte[] bytes = table.toBytes();
        assertThat(PieceTable.fromBytes(bytes).toBytes()).isEqualTo(bytes);
        assertThat(table.meaning("subscribe to my channel")).hasSize(table.dims());
    }

    @Test
    void aFileThatIsNotATableIsRefused() {
        assertThatThrownBy(() -> PieceTable.fromBytes("{\"rows\": []}".getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a Candor piece table");
    }

    @Test
    void textsAboutTheSameThingAreCloserThanTextsAboutOtherThings() {
        assertThat(cos("please subscribe to my youtube channel", "check out my new videos"))
                .isGreaterThan(cos("please subscribe to my youtube channel", "the bus was late again this morning"));
        assertThat(cos("connect your wallet to claim free tokens", "crypto airdrop, send your eth address"))
                .isGreaterThan(cos("connect your wallet to claim free tokens", "we had soup for lunch"));
        assertThat(cos("call our toll free customer care number", "phone the support helpline"))
                .isGreaterThan(cos("call our toll free customer care number", "my cat sleeps all day"));
    }

    @Test
    void aTextWithNoKnownPieceMeansNothing() {
        assertThat(table.meaning("")).containsOnly(0f);
    }

    @Test
    void itOrdersMeaningsAsTheSentenceModelDoes() {
        assumeTrue(Meaning.available(), "the sentence model cannot run here");
        List<String[]> triples = List.of(
                new String[] {"subscribe to my channel", "watch my latest video", "the weather is lovely today"},
                new String[] {"i made $5000 trading forex with her", "she doubled my bitcoin investment", "my sister is a nurse"},
                new String[] {"great article, thanks for sharing", "very informative post", "the train was cancelled"});
        for (String[] t : triples) {
            double nearEncoder = SentenceEncoder.cosine(Meaning.of(t[0]), Meaning.of(t[1]));
            double farEncoder = SentenceEncoder.cosine(Meaning.of(t[0]), Meaning.of(t[2]));
            assertThat(nearEncoder).as("the sentence model: " + String.join(" / ", t)).isGreaterThan(farEncoder);
            assertThat(cos(t[0], t[1])).as("the table: " + String.join(" / ", t)).isGreaterThan(cos(t[0], t[2]));
        }
    }
}
