package io.candor.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShinglerTest {
    private final Shingler shingler = new Shingler(12, List.of("reposting", "rt", "in case you missed it"));

    private double jaccard(String a, String b) {
        return Shingler.jaccard(shingler.shingles(a).hashes(), shingler.shingles(b).hashes());
    }

    @Test
    void masksTheTricksPeopleUseWhenRePosting() {
        String post = "Big news! Our spring collection is live: 40 new pieces made from recycled cotton. https://shop.example.com/spring";
        assertThat(jaccard(post, "REPOSTING: Big news!! Our spring collection is live — 40 new pieces made from recycled cotton 🌸 https://bit.ly/x"))
                .isEqualTo(1.0);
        assertThat(jaccard(post, "In case you missed it: big news, our spring collection is live: 40 new pieces made from recycled cotton @shop"))
                .isEqualTo(1.0);
        // zero-width characters and Cyrillic look-alikes do not hide a copy
        assertThat(jaccard(post, "Big n\u200Bews! Оur spring cоllection is live: 40 new pieces made from recycled cotton."))
                .isEqualTo(1.0);
        // two hashtags add two words; the '#' itself is masked
        assertThat(jaccard(post, post + " #fashion #spring")).isGreaterThan(0.8);
        assertThat(shingler.words("#Launch day @maya 🎉 https://x.co/1")).containsExactly("launch", "day");
    }

    @Test
    void distinctPostsOnTheSameTopicShareLittle() {
        assertThat(jaccard("Big news! Our spring collection is live: 40 new pieces made from recycled cotton.",
                "Our spring collection is here, and this time every piece uses recycled cotton. Which one would you wear first?"))
                .isLessThan(0.3);
    }

    @Test
    void shortPostsAlsoCompareLetters() {
        // one changed word in a five-word post still leaves most of it the same
        assertThat(jaccard("Thanks so much, Priya!", "Thanks so much, Lee!")).isGreaterThan(0.4);
        assertThat(shingler.shingles("Thanks").hashes()).isNotEmpty();
        assertThat(shingler.shingles("https://x.co @maya 🎉").isEmpty()).isTrue();
    }

    @Test
    void aPrefixAloneIsKept() {
        assertThat(shingler.words("Reposting")).containsExactly("reposting");
    }
}
