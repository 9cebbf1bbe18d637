package org.flatspace.workflows.request;

import java.util.Map;

/**
 * The request was not created because fields are wrong. {@link #fieldErrors()} maps each field of
 * {@link NewCapacityRequest} to what is wrong with it and how to fix it.
 */
public class InvalidRequestException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidRequestException(Map<String, String> fieldErrors) {
        super("The request has errors: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
