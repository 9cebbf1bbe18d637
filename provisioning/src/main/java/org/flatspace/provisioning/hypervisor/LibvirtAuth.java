package org.flatspace.provisioning.hypervisor;

import org.libvirt.ConnectAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers libvirt's questions while a connection opens (libvirt's auth callback), from
 * {@link HostCredentials}. Logs which questions it could not answer, never the answers.
 */
final class LibvirtAuth extends ConnectAuth {

    private static final Logger log = LoggerFactory.getLogger(LibvirtAuth.class);

    private final String hostUri;
    private final HostCredentials credentials;

    LibvirtAuth(String hostUri, HostCredentials credentials) {
        this.hostUri = hostUri;
        this.credentials = credentials;
        credType = new CredentialType[] {
            CredentialType.VIR_CRED_USERNAME, CredentialType.VIR_CRED_AUTHNAME, CredentialType.VIR_CRED_PASSPHRASE,
            CredentialType.VIR_CRED_NOECHOPROMPT, CredentialType.VIR_CRED_ECHOPROMPT
        };
    }

    /** 0 when every question got an answer, -1 (libvirt: authentication failed) otherwise. */
    @Override
    public int callback(Credential[] asked) {
        HostCredential credential = credentials.forHost(hostUri).orElse(null);
        boolean answeredAll = true;
        for (Credential question : asked) {
            String answer = answer(question, credential);
            if (answer == null) {
                log.warn("libvirt asks for {} ({}) to connect to {}, and no credential is configured for it",
                        question.type, question.prompt, hostUri);
                answeredAll = false;
                answer = "";
            }
            // libvirt-java copies the result back to libvirt and needs a string, never null.
            question.result = answer;
        }
        return answeredAll ? 0 : -1;
    }

    private static String answer(Credential question, HostCredential credential) {
        return switch (question.type) {
            case VIR_CRED_USERNAME, VIR_CRED_AUTHNAME, VIR_CRED_ECHOPROMPT ->
                    credential != null ? credential.username() : question.defresult;
            case VIR_CRED_PASSPHRASE, VIR_CRED_NOECHOPROMPT ->
                    credential != null ? new String(credential.password()) : null;
            default -> question.defresult;
        };
    }
}
