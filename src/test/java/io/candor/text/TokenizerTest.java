package io.candor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private static List<String> of(Token.Kind kind, String text) {
        return Tokenizer.tokenize(TextNormalizer.fold(text)).stream().filter(t -> t.is(kind)).map(Token::text).toList();
    }

    @Test
    void findsUrlsWwwAddressesAndBareDomainsSpammersSpaceOut() {
        assertThat(of(Token.Kind.LINK, "see https://example.com/a?b=1, www.site.org and kidsmedia . com or murdev.com"))
                .containsExactly("https://example.com/a?b=1", "www.site.org", "kidsmedia . com", "murdev.com");
    }

    @Test
    void aSentenceEndIsNotADomain() {
        assertThat(of(Token.Kind.LINK, "It's hot mail. Com you see! Go to hospital. De nada")).isEmpty();
    }

    @Test
    void handlesHashtagsEmojiAndWords() {
        String t = "Thanks @maya_k for #OfflineMode 🎉 don't stop";
        assertThat(of(Token.Kind.HANDLE, t)).containsExactly("@maya_k");
        assertThat(of(Token.Kind.HASHTAG, t)).containsExactly("#offlinemode");
        assertThat(of(Token.Kind.EMOJI, t)).containsExactly("🎉");
        assertThat(of(Token.Kind.WORD, t)).containsExactly("thanks", "for", "don't", "stop");
    }

    @Test
    void anEmailAddressIsNotAHandle() {
        assertThat(of(Token.Kind.HANDLE, "write to team@example.com")).isEmpty();
    }
}
