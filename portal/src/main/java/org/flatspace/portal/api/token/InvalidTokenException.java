package org.flatspace.portal.api.token;

import java.util.Map;

/** A token was not created because a field is wrong; the map says which and how to fix it. */
public class InvalidTokenException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    InvalidTokenException(Map<String, String> fieldErrors) {
        super("The token has errors: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
