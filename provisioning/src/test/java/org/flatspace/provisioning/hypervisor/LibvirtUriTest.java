package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LibvirtUriTest {

    @ParameterizedTest
    @CsvSource({
            "qemu:///system, qemu",
            "qemu:///session, qemu",
            "qemu+ssh://root@kvm1.example.com/system, qemu",
            "qemu+ssh://root@kvm1.example.com:2222/system?keyfile=/etc/flatspace/id_ed25519, qemu",
            "qemu+tls://kvm1.example.com/system, qemu",
            "qemu+unix:///system, qemu",
            "xen+ssh://root@xen1.example.com/system, xen",
            "xen:///system, xen",
            "esx://root@esx1.example.com/?no_verify=1, esx",
            "vpx://admin@vcenter.example.com/dc1/cluster1/esx1.example.com, vpx",
            "vmwarews:///session, vmwarews",
            "vbox:///session, vbox",
            "vbox+ssh://vbox@desk1.example.com/session, vbox",
            "vz+ssh://root@vz1.example.com/system, vz",
            "hyperv://administrator@hv1.example.com/?transport=http, hyperv",
            "lxc:///system, lxc",
            "test:///default, test",
            "test:///var/lib/flatspace/demo-a1.xml, test"
    })
    void everyDriverThePoolMayHold_isAccepted(String address, String driver) {
        assertThat(LibvirtUri.driverOf(address)).isEqualTo(driver);
        assertThat(LibvirtUri.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kvm1.example.com                          | has no driver and '://'",
            "ftp://kvm1.example.com/system             | 'ftp' is not a libvirt driver",
            "qemu://kvm1.example.com                   | qemu takes the path /session or /system, not ''",
            "qemu+ssh://kvm1.example.com/sytem         | not '/sytem'",
            "qemu+ssh:///system                        | '+ssh' needs a host name",
            "qemu+carrier-pigeon://kvm1/system         | 'carrier-pigeon' is not a libvirt transport",
            "esx:///                                   | esx needs the host name",
            "esx+ssh://esx1.example.com/               | esx talks to its host directly",
            "vpx://vcenter.example.com/esx1            | vpx needs the path datacenter/[cluster/]host",
            "vbox:///system                            | vbox takes the path /session",
            "test:///                                  | the test driver needs /default",
            "test://somehost/default                   | the test driver runs in this process",
            "qemu+ssh://kvm1 example/system            | is not a URI",
    })
    void badAddress_isRefusedSayingWhatIsWrongWithAnExample(String address, String why) {
        assertThatThrownBy(() -> LibvirtUri.driverOf(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a libvirt host address: ")
                .hasMessageContaining(why);
        assertThat(LibvirtUri.isValid(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyAddress_isRefusedWithAnExample(String address) {
        assertThatThrownBy(() -> LibvirtUri.driverOf(address))
                .hasMessageContaining("it is empty")
                .hasMessageContaining("qemu+ssh://root@kvm1.example.com/system");
    }

    @ParameterizedTest
    @ValueSource(strings = {"esx://root:S3cret!@esx1.example.com/", "qemu+tls://admin:S3cret!@kvm1/system"})
    void passwordInTheAddress_isRefusedWithoutRepeatingIt(String address) {
        assertThatThrownBy(() -> LibvirtUri.driverOf(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not hold a password")
                .hasMessageNotContaining("S3cret");
    }
}
