package org.flatspace.provisioning.hypervisor;

import java.util.Optional;

/**
 * Where the adapter finds a host's credentials when libvirt asks for them. Provide a bean backed by
 * a secret store; the default knows none, which leaves SSH keys, TLS certificates and libvirt's own
 * auth.conf, all outside Flatspace's database and logs.
 */
@FunctionalInterface
public interface HostCredentials {

    HostCredentials NONE = hostUri -> Optional.empty();

    Optional<HostCredential> forHost(String hostUri);
}
