package org.flatspace.provisioning.hypervisor;

import java.util.Objects;
import java.util.UUID;

/**
 * What a domain should look like. The id becomes the domain UUID, so it is also the key that keeps
 * repeated definitions from creating a second VM.
 *
 * @param id the instance id, used as domain UUID
 * @param name the domain name, unique per host
 * @param description free text shown in libvirt tools; may be null or blank
 * @param kind the libvirt domain type
 * @param vcpus number of virtual CPUs
 * @param memoryMib memory in MiB
 */
public record DomainSpec(UUID id, String name, String description, DomainKind kind, int vcpus, long memoryMib) {

    public DomainSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (vcpus < 1) {
            throw new IllegalArgumentException("vcpus must be at least 1, was " + vcpus);
        }
        if (memoryMib < 1) {
            throw new IllegalArgumentException("memoryMib must be at least 1, was " + memoryMib);
        }
    }
}
