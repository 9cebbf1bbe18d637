package org.flatspace.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an administrator entered is wrong: each field (as the form names it) with what is wrong and
 * how to put it right, to show next to the field. Nothing was changed.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    /** Field name to message, in the order of the form. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
