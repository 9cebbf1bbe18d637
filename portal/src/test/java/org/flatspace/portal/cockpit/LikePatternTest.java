package org.flatspace.portal.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void noFilter_matchesAnything() {
        assertThat(LikePattern.matches("Alice", null, null)).isTrue();
        assertThat(LikePattern.matches(null, null, null)).isTrue();
    }

    @Test
    void exactValue_mustBeEqual() {
        assertThat(LikePattern.matches("Alice", "Alice", null)).isTrue();
        assertThat(LikePattern.matches("Alice", "alice", null)).isFalse();
    }

    @Test
    void likePattern_isSqlLike_caseInsensitive_withOtherCharactersTakenLiterally() {
        assertThat(LikePattern.matches("Alice Adams", "%adams", null)).isFalse();
        assertThat(LikePattern.matches("Alice Adams", null, "%adams")).isTrue();
        assertThat(LikePattern.matches("Alice", null, "al_ce")).isTrue();
        assertThat(LikePattern.matches("Alice", null, "al.ce")).isFalse();
        assertThat(LikePattern.matches("a.b", null, "a.b")).isTrue();
        assertThat(LikePattern.matches(null, null, "%")).isFalse();
    }
}
