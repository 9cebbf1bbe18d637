package org.flatspace.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordEncoderTest {

    private final PasswordEncoder encoder = new SecurityConfig().passwordEncoder(12);

    @Test
    void newPasswords_areBcryptAtTheConfiguredCost_andNameTheirAlgorithm() {
        String hash = encoder.encode("correct horse battery staple");

        assertThat(hash).startsWith("{bcrypt}$2a$12$");
        assertThat(encoder.matches("correct horse battery staple", hash)).isTrue();
        assertThat(encoder.matches("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void hashesMadeEarlier_atAnotherCost_stillMatch() {
        String older = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("flatspace");

        assertThat(encoder.matches("flatspace", older)).isTrue();
        assertThat(encoder.upgradeEncoding(older)).as("a sign-in could store it again at the new cost").isTrue();
    }

    @Test
    void aCostThatIsTooWeakOrTooSlow_isRefusedAtStartUp() {
        assertThatThrownBy(() -> new SecurityConfig().passwordEncoder(8))
                .hasMessageContaining("bcrypt-cost is 8; choose 10 to 16");
        assertThatThrownBy(() -> new SecurityConfig().passwordEncoder(20)).hasMessageContaining("choose 10 to 16");
    }
}
