package io.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoneSurrogatesTest {
    @Test
    void onlyHalvesOfPairsAreTouchedAndWholeEmojiStay() {
        assertThat(LoneSurrogates.inJson("{\"m\":\"“ok 🌸” \ud83d end \udc00\"}"))
                .isEqualTo("{\"m\":\"“ok 🌸” \\uD83D end \\uDC00\"}");
        assertThat(LoneSurrogates.inText("🌸\ud83d🌸\udc00")).isEqualTo("🌸\uFFFD🌸\uFFFD");
        assertThat(LoneSurrogates.inText("\udc00\ud83d")).isEqualTo("\uFFFD\uFFFD");
        String plain = "no surrogates, é and 🌸";
        assertThat(LoneSurrogates.inJson(plain)).isSameAs(plain);
    }
}
