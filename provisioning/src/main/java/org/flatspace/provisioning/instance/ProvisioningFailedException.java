package org.flatspace.provisioning.instance;

/**
 * Provisioning could not finish and undid what it had done. {@link #getMessage()} is fit for the
 * requester (it names no host); {@link #adminDetail()} says more, for administrators and logs.
 */
public class ProvisioningFailedException extends RuntimeException {

    private final String adminDetail;
    private final boolean retryable;

    /** A failure that trying again will not fix, such as a request the pool has no room for. */
    public ProvisioningFailedException(String message, String adminDetail, Throwable cause) {
        this(message, adminDetail, cause, false);
    }

    private ProvisioningFailedException(String message, String adminDetail, Throwable cause, boolean retryable) {
        super(message, cause);
        this.adminDetail = adminDetail;
        this.retryable = retryable;
    }

    /** A failure that may pass, such as a host that did not answer: the caller may try again later. */
    public static ProvisioningFailedException retryable(String message, String adminDetail, Throwable cause) {
        return new ProvisioningFailedException(message, adminDetail, cause, true);
    }

    public String adminDetail() {
        return adminDetail;
    }

    public boolean retryable() {
        return retryable;
    }
}
