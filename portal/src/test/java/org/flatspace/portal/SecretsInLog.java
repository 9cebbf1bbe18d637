package org.flatspace.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in log lines: the exact values handed out (API tokens, session ids), anything shaped
 * like an API token or a session cookie, and passwords where a log line would give them away
 * ({@code password=...}, {@code "password": "..."}). A password that is also an ordinary word of the
 * log (the demo's "flatspace" is the application's name) is looked for in that form only.
 */
final class SecretsInLog {

    /** A line that holds a secret: which kind, and the line with the secret masked. */
    record Finding(int lineNumber, String kind, String maskedLine) {

        @Override
        public String toString() {
            return "line " + lineNumber + " holds " + kind + ": " + maskedLine;
        }
    }

    private record Rule(String kind, Pattern pattern) {
    }

    private static final Pattern ANY_TOKEN = Pattern.compile("fs_[A-Za-z0-9_-]{20,}");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=[^;,\\s\"]+");

    private final List<Rule> rules = new ArrayList<>();

    SecretsInLog(Collection<String> passwords, Collection<String> tokens, Collection<String> sessionIds,
                 Collection<String> ordinaryWords) {
        for (String password : passwords) {
            rules.add(new Rule("a password", Pattern.compile("(?i)\\b(password|passwd|pwd|secret|credentials?)\\b"
                    + "[\"']?\\s*[:=]?\\s*[\"']?\\s*" + Pattern.quote(password) + "(?![\\w.-])")));
            if (ordinaryWords.stream().noneMatch(password::equalsIgnoreCase)) {
                rules.add(new Rule("a password", Pattern.compile(Pattern.quote(password))));
            }
        }
        for (String token : tokens) {
            rules.add(new Rule("an API token", Pattern.compile(Pattern.quote(token.substring(3)))));
        }
        rules.add(new Rule("an API token", ANY_TOKEN));
        for (String id : sessionIds) {
            rules.add(new Rule("a session id", Pattern.compile(Pattern.quote(id))));
        }
        rules.add(new Rule("a session id", SESSION_COOKIE));
    }

    Optional<Finding> check(int lineNumber, String line) {
        for (Rule rule : rules) {
            Matcher secret = rule.pattern().matcher(line);
            if (secret.find()) {
                return Optional.of(new Finding(lineNumber, rule.kind(),
                        line.substring(0, secret.start()) + "<" + rule.kind() + ">" + line.substring(secret.end())));
            }
        }
        return Optional.empty();
    }

    List<Finding> check(List<String> lines) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            check(i + 1, lines.get(i)).ifPresent(findings::add);
        }
        return findings;
    }
}
