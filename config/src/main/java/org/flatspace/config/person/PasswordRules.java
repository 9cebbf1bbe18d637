package org.flatspace.config.person;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be (OWASP ASVS 4, V2.1): at least {@value #MIN_LENGTH} characters, long
 * passphrases allowed up to {@value #MAX_LENGTH}, any characters, no composition rules; and not the
 * username or built around it.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** The rules in one sentence, for a form's helper text. */
    public static final String HINT = MIN_LENGTH + " to " + MAX_LENGTH
            + " characters, any you like; a few words make a good one";

    private PasswordRules() {
    }

    /** What is wrong with the password for this username; empty when it will do. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters; a few words make a good password");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            return Optional.of("A password needs more than spaces");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("Do not build the password around the username");
        }
        return Optional.empty();
    }
}
