package org.flatspace.workflows;

import java.util.Optional;

/** The actor may not do this; the message says what, without revealing other teams' data. */
public class NotAllowedException extends RuntimeException {

    private final String object;

    public NotAllowedException(String message) {
        this(message, null);
    }

    /** @param object what was refused, as the audit trail names it ({@code request:42}), when the call did not name it */
    public NotAllowedException(String message, String object) {
        super(message);
        this.object = object;
    }

    /** What was refused, for the audit trail, if the thrower knew better than the call's arguments. */
    public Optional<String> object() {
        return Optional.ofNullable(object);
    }
}
