package io.candor.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.candor.text.TextNormalizer;
import io.candor.text.Tokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearModelTest {
    private static TextFeatures.Vector v(String s) {
        return TextFeatures.of(Tokenizer.tokenize(TextNormalizer.fold(s)), 12);
    }

    private static List<LinearModel.Example> examples() {
        List<LinearModel.Example> out = new ArrayList<>();
        for (String s : List.of("subscribe to my channel", "check out my channel please", "visit my shop now")) {
            out.add(new LinearModel.Example(v(s), true, 1));
        }
        for (String s : List.of("the train was late again", "we had soup for lunch", "my cat sleeps all day")) {
            out.add(new LinearModel.Example(v(s), false, 1));
        }
        return out;
    }

    @Test
    void learnsAndQuotesTheWordsThatWeighedMost() {
        LinearModel m = LinearModel.train(examples(), 12, 30, 0.5, 0, 1);
        var tokens = Tokenizer.tokenize(TextNormalizer.fold("please subscribe to my channel"));
        LinearModel.Score s = m.score(tokens);
        assertThat(s.logOdds()).isGreaterThan(m.logOdds("soup for lunch again"));
        assertThat(s.hasQuote()).isTrue();
    }

    @Test
    void sameDataSameBytesAndTheBytesReadBack() throws IOException {
        byte[] a = LinearModel.train(examples(), 12, 5, 0.1, 1e-6, 7).toBytes();
        byte[] b = LinearModel.train(examples(), 12, 5, 0.1, 1e-6, 7).toBytes();
        assertThat(a).isEqualTo(b);
        assertThat(LinearModel.fromBytes(a).toBytes()).isEqualTo(a);
    }

    @Test
    void aFileThatIsNotAModelIsRefused() {
        assertThatThrownBy(() -> LinearModel.fromBytes("{\"weights\": {}}".getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a Candor linear model");
    }
}
