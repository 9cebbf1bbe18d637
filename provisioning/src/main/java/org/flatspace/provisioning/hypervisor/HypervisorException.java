package org.flatspace.provisioning.hypervisor;

/** A hypervisor call failed; the message names the host and the operation. */
public class HypervisorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String hostUri;
    private final String operation;

    public HypervisorException(String hostUri, String operation, Throwable cause) {
        super(operation + " on " + hostUri + " failed: " + reason(cause), cause);
        this.hostUri = hostUri;
        this.operation = operation;
    }

    public String hostUri() {
        return hostUri;
    }

    public String operation() {
        return operation;
    }

    private static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown cause";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
