package io.candor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Owners stored as text before these types existed read back as the same people, and write out as the same text. */
class PersonRefTest {
    @Test
    void aStoredChatKeyReadsBackAsThatPersonOnThatSurface() {
        PersonRef ref = PersonRef.parse("slack:T1:U777");
        assertThat(ref).isEqualTo(new ChatKey(SurfaceKind.SLACK, "T1", "U777"));
        assertThat(ref.key()).isEqualTo("slack:T1:U777");
        // the terminal has no team; an id may itself hold a colon
        assertThat(PersonRef.parse("terminal::ana")).isEqualTo(new ChatKey(SurfaceKind.TERMINAL, "", "ana"));
        assertThat(PersonRef.parse("discord:G1:a:b").key()).isEqualTo("discord:G1:a:b");
    }

    @Test
    void anythingElseIsANameAsTyped() {
        assertThat(PersonRef.parse("alice")).isEqualTo(PersonRef.named("alice"));
        // the command line is nowhere anyone is reminded, so its actor keys stay names
        assertThat(PersonRef.parse("cli::root")).isInstanceOf(PersonRef.Named.class);
        assertThat(PersonRef.parse("teams:T1:U1")).isInstanceOf(PersonRef.Named.class);
        assertThat(PersonRef.parse("slack:T1:")).isInstanceOf(PersonRef.Named.class);
        assertThat(PersonRef.parse("slack:T1: ").key()).isEqualTo("slack:T1: ");
    }

    @Test
    void aReferenceReadsAsItsStoredTextWhereverItIsWritten() {
        assertThat("to " + PersonRef.parse("slack:T1:U1")).isEqualTo("to slack:T1:U1");
        assertThat("to " + PersonRef.named("bob")).isEqualTo("to bob");
        assertThat(SurfaceKind.DISCORD + "/x").isEqualTo("discord/x");
    }

    @Test
    void theSamePersonIsOneKeyWhereverTheReferenceWasReadAndAnyoneElseIsAnother() {
        // equals and hashCode are written by hand (see ChatKey): they must still mean what a record's do
        PersonRef a = PersonRef.parse("slack:T1:U1");
        java.util.Map<PersonRef, String> owners = new java.util.HashMap<>(java.util.Map.of(a, "ann", PersonRef.named("bob"), "bob"));
        assertThat(owners.get(new ChatKey(SurfaceKind.SLACK, "T1", "U1"))).isEqualTo("ann");
        assertThat(owners.get(PersonRef.parse("bob"))).isEqualTo("bob");
        for (PersonRef other : java.util.List.of(PersonRef.parse("discord:T1:U1"), PersonRef.parse("slack:T2:U1"),
                PersonRef.parse("slack:T1:U2"), PersonRef.named("slack:T1"), PersonRef.named("Bob"))) {
            assertThat(owners).as(other.key()).doesNotContainKey(other);
            assertThat(other).isNotEqualTo(a).isNotEqualTo(PersonRef.named("bob"));
        }
        assertThat(new ChatKey(SurfaceKind.SLACK, null, "U1")).isEqualTo(new ChatKey(SurfaceKind.SLACK, "", "U1"))
                .hasSameHashCodeAs(new ChatKey(SurfaceKind.SLACK, "", "U1"));
        assertThat(PersonRef.named("alice")).isNotEqualTo(PersonRef.parse("slack:T1:alice")).isNotEqualTo("alice");
    }
}
