package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.libvirt.ConnectAuth.Credential;
import org.libvirt.ConnectAuth.CredentialType;

/** libvirt's questions (as libvirt-java hands them over) and the answers the callback gives. */
class LibvirtAuthTest {

    private static final String HOST = "esx://esx1.example.com/";

    @Test
    void userAndPassword_areAnsweredFromTheHostsCredential() throws Exception {
        LibvirtAuth auth = new LibvirtAuth(HOST, uri -> uri.equals(HOST)
                ? Optional.of(new HostCredential("root", "S3cret!".toCharArray())) : Optional.empty());
        Credential user = question(CredentialType.VIR_CRED_AUTHNAME, "root");
        Credential password = question(CredentialType.VIR_CRED_PASSPHRASE, null);

        assertThat(auth.callback(new Credential[] {user, password})).isZero();

        assertThat(user.result).isEqualTo("root");
        assertThat(password.result).isEqualTo("S3cret!");
    }

    @Test
    void passwordWithoutACredential_failsTheLoginWithoutNullAnswers() throws Exception {
        LibvirtAuth auth = new LibvirtAuth(HOST, HostCredentials.NONE);
        Credential user = question(CredentialType.VIR_CRED_AUTHNAME, "administrator");
        Credential password = question(CredentialType.VIR_CRED_NOECHOPROMPT, null);

        assertThat(auth.callback(new Credential[] {user, password})).isEqualTo(-1);

        assertThat(user.result).as("libvirt's default user").isEqualTo("administrator");
        assertThat(password.result).isEmpty();
    }

    @Test
    void credential_neverShowsItsPassword() {
        HostCredential credential = new HostCredential("root", "S3cret!".toCharArray());

        assertThat(credential.toString()).contains("root").doesNotContain("S3cret");
    }

    /** libvirt-java builds these itself, from libvirt's C structs; its constructor is package-private. */
    private static Credential question(CredentialType type, String defaultResult) throws Exception {
        Constructor<Credential> constructor =
                Credential.class.getDeclaredConstructor(int.class, String.class, String.class, String.class);
        constructor.setAccessible(true);
        return constructor.newInstance(type.mapToInt(), type.name() + "?", null, defaultResult);
    }
}
