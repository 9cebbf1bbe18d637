package org.flatspace.workflows;

/** The actor may not do this; the message says what, without revealing other teams' data. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
