package org.flatspace.config.person;

import java.util.Optional;

/** What a username and an e-mail address must look like, for every way a person is created. */
final class PersonRules {

    private PersonRules() {
    }

    static Optional<String> usernameProblem(String username) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,63}")) {
            return Optional.of("A username is 2-64 characters: lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter");
        }
        return Optional.empty();
    }

    /** For an address that is given (a person may have none). */
    static Optional<String> emailProblem(String email) {
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return Optional.of("An e-mail address looks like name@example.com");
        }
        return Optional.empty();
    }
}
