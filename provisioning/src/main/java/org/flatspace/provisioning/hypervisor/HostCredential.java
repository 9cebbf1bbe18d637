package org.flatspace.provisioning.hypervisor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user name and password for a host that asks for them (SASL over qemu+tcp/tls, ESX, vCenter,
 * Hyper-V). Never printed: {@link #toString()} leaves the password out.
 */
public final class HostCredential {

    private final String username;
    private final char[] password;

    public HostCredential(String username, char[] password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = password == null ? new char[0] : password.clone();
    }

    public String username() {
        return username;
    }

    char[] password() {
        return password.clone();
    }

    @Override
    public String toString() {
        return "HostCredential[username=" + username + ", password=(" + password.length + " characters, not shown)]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostCredential c && c.username.equals(username) && Arrays.equals(c.password, password);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }
}
