package org.flatspace.provisioning.hypervisor;

import java.util.UUID;

/** One domain as a host lists it. */
public record DomainInfo(UUID id, String name, DomainState state) {
}
