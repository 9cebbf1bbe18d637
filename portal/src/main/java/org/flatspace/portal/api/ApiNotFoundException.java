package org.flatspace.portal.api;

/** What the caller asked for does not exist for them (it may be another team's). */
public class ApiNotFoundException extends RuntimeException {

    public ApiNotFoundException(String message) {
        super(message);
    }
}
