package io.candor.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** All phrase sets are looked up in one pass; a set built after a draft was read must still find its phrases there. */
class PhraseIndexTest {
    @Test
    void aSetBuiltAfterTheDraftWasScannedStillFindsItsPhrases() {
        AnalyzedDraft d = AnalyzedDraft.of(Draft.of("Grab the zucchini bundle today, link in bio"));
        PhraseSet early = new PhraseSet(List.of("link in bio"), List.of());
        assertThat(early.findAll(d, 10)).extracting(m -> d.folded().substring(m[0], m[1])).containsExactly("link in bio");
        PhraseSet late = new PhraseSet(List.of(), List.of("zucchini (?:bundle|box)"));
        assertThat(late.findAll(d, 10)).extracting(m -> d.folded().substring(m[0], m[1])).containsExactly("zucchini bundle");
        assertThat(early.findAll(d, 10)).hasSize(1); // what it found before is kept
    }

    @Test
    void setsThatShareAFirstWordEachFindTheirOwnMatch() {
        PhraseSet check = new PhraseSet(List.of(), List.of("check (?:out )?my channel"));
        PhraseSet visit = new PhraseSet(List.of(), List.of("check the (?:pinned|first) comment"));
        AnalyzedDraft d = AnalyzedDraft.of(Draft.of("Check out my channel and check the pinned comment"));
        assertThat(check.findAll(d, 10)).extracting(m -> d.folded().substring(m[0], m[1])).containsExactly("check out my channel");
        assertThat(visit.findAll(d, 10)).extracting(m -> d.folded().substring(m[0], m[1])).containsExactly("check the pinned comment");
    }
}
