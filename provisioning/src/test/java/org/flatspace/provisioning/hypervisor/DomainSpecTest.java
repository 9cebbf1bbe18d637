package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DomainSpecTest {

    private static final UUID ID = UUID.randomUUID();

    @Test
    void smallestValidSpec_isAccepted() {
        assertThatNoException().isThrownBy(() -> new DomainSpec(ID, "n", null, DomainKind.TEST, 1, 1));
    }

    @Test
    void missingIdNameOrKind_isRejected() {
        assertThatThrownBy(() -> new DomainSpec(null, "n", null, DomainKind.TEST, 1, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> new DomainSpec(ID, null, null, DomainKind.TEST, 1, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> new DomainSpec(ID, "n", null, null, 1, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
    }

    @Test
    void blankName_isRejected() {
        assertThatThrownBy(() -> new DomainSpec(ID, " ", null, DomainKind.TEST, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void zeroVcpusOrMemory_isRejected() {
        assertThatThrownBy(() -> new DomainSpec(ID, "n", null, DomainKind.TEST, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vcpus");
        assertThatThrownBy(() -> new DomainSpec(ID, "n", null, DomainKind.TEST, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryMib");
    }
}
