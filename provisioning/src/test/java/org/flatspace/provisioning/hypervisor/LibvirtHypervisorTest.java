package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LibvirtHypervisorTest {

    @Test
    void missingNativeLibrary_saysWhatToInstallWithoutAJnaStackTrace() {
        assertThatThrownBy(() -> new LibvirtHypervisor("flatspace-no-such-library"))
                .isInstanceOf(LibvirtNotInstalledException.class)
                .hasMessageContaining("libvirt.so.0")
                .hasMessageContaining("apt-get install libvirt0")
                .hasNoCause();
    }

    @Test
    void hypervisorException_namesHostAndOperation() {
        var e = new HypervisorException("qemu+ssh://h1/system", "state(42)", new IllegalStateException("boom"));

        assertThat(e).hasMessage("state(42) on qemu+ssh://h1/system failed: boom");
        assertThat(e.hostUri()).isEqualTo("qemu+ssh://h1/system");
        assertThat(e.operation()).isEqualTo("state(42)");
    }
}
