package io.candor.network.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Status HTML as Mastodon sends it, read as the plain text a person sees, links whole. */
class MastodonTextTest {
    @Test
    void paragraphsAndLineBreaksBecomeBlankLinesAndNewlines() {
        assertThat(MastodonText.plain("<p>One</p><p>Two<br>Three<br />Four</p>")).isEqualTo("One\n\nTwo\nThree\nFour");
    }

    @Test
    void aShortenedLinkShowsItsWholeAddressAndMentionsAndTagsTheirNames() {
        String html = "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://mastodon.example/@team\" class=\"u-url"
                + " mention\">@<span>team</span></a></span> read <a href=\"https://example.com/a/very/long/path?x=1\" target="
                + "\"_blank\" rel=\"nofollow noopener noreferrer\" translate=\"no\"><span class=\"invisible\">https://</span>"
                + "<span class=\"ellipsis\">example.com/a/very/lo</span><span class=\"invisible\">ng/path?x=1</span></a> "
                + "<a href=\"https://mastodon.example/tags/Launch\" class=\"mention hashtag\" rel=\"tag\">#<span>Launch</span></a></p>";
        assertThat(MastodonText.plain(html)).isEqualTo("@team read https://example.com/a/very/long/path?x=1 #Launch");
    }

    @Test
    void aLinkWhoseTextIsNotItsAddressKeepsBothAndEntitiesAreDecoded() {
        assertThat(MastodonText.plain("<p>See <a href=\"https://example.com/guide\">our guide</a> &amp; &lt;FAQ&gt;</p>"))
                .isEqualTo("See our guide (https://example.com/guide) & <FAQ>");
        assertThat(MastodonText.plain("")).isEmpty();
        assertThat(MastodonText.plain("<p>   </p>")).isEmpty();
    }
}
