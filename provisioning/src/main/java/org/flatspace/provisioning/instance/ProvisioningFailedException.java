package org.flatspace.provisioning.instance;

/**
 * Provisioning could not finish and undid what it had done. {@link #getMessage()} is fit for the
 * requester (it names no host); {@link #adminDetail()} says more, for administrators and logs.
 */
public class ProvisioningFailedException extends RuntimeException {

    private final String adminDetail;

    public ProvisioningFailedException(String message, String adminDetail, Throwable cause) {
        super(message, cause);
        this.adminDetail = adminDetail;
    }

    public String adminDetail() {
        return adminDetail;
    }
}
