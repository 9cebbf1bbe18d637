package org.flatspace.portal.cockpit;

import java.util.regex.Pattern;

/** Camunda's query filters: exact values and SQL LIKE patterns ({@code %} and {@code _}), case-insensitive. */
final class LikePattern {

    private LikePattern() {
    }

    /** True when no filter is set, or the value matches it. */
    static boolean matches(String value, String exact, String like) {
        if (exact != null && !exact.equals(value)) {
            return false;
        }
        return like == null || (value != null && toRegex(like).matcher(value).matches());
    }

    private static Pattern toRegex(String like) {
        StringBuilder regex = new StringBuilder();
        for (char c : like.toCharArray()) {
            regex.append(switch (c) {
                case '%' -> ".*";
                case '_' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
