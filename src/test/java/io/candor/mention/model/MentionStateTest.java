package io.candor.mention.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MentionStateTest {
    @Test
    void aStateReadsBackFromTheWordStoredForItInAnyCase() {
        for (MentionState s : MentionState.values()) {
            assertThat(MentionState.parse(s.id())).isEqualTo(s);
            assertThat(MentionState.parse(s.id().toUpperCase(Locale.ROOT))).isEqualTo(s);
        }
        assertThat(MentionState.parse("In_Progress")).isEqualTo(MentionState.IN_PROGRESS);
        assertThatThrownBy(() -> MentionState.parse("closed")).isInstanceOf(IllegalArgumentException.class);
    }
}
