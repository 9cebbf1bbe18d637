package org.flatspace.workflows.policy;

/** A replacement policy was refused; the message says why and what a policy must have. */
public class InvalidPolicyException extends RuntimeException {

    InvalidPolicyException(String message) {
        super(message);
    }
}
