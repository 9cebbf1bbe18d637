package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

class DomainXmlTest {

    private static final UUID ID = UUID.fromString("6f1c0c3e-8a4b-4d8e-9c1a-2b3c4d5e6f70");
    /** libvirt refuses '/' in a name, so a name's injection attempt can only open elements. */
    private static final String TRICKY_NAME = "a<b>&c\"d'e]]>f ü 雪 😀 <devices><graphics type='vnc'>";
    private static final String TRICKY = "a<b>&c\"d'e]]>f ü 雪 😀 </name><devices><graphics type='vnc'/></devices>";
    private static final String LINES = "one\ntwo\r\nthree\rfour\tend";

    @Test
    void testDomain_hasNameUuidMemoryVcpuAndNoDevices() throws Exception {
        Element domain = parse(DomainXml.of(spec("web-1", "a web server", DomainKind.TEST, 2, 64)));

        assertThat(domain.getTagName()).isEqualTo("domain");
        assertThat(domain.getAttribute("type")).isEqualTo("test");
        assertThat(childNames(domain))
                .containsExactly("name", "uuid", "description", "memory", "vcpu", "os", "on_poweroff");
        assertThat(child(domain, "name").getTextContent()).isEqualTo("web-1");
        assertThat(child(domain, "uuid").getTextContent()).isEqualTo(ID.toString());
        assertThat(child(domain, "memory").getTextContent()).isEqualTo("64");
        assertThat(child(domain, "memory").getAttribute("unit")).isEqualTo("MiB");
        assertThat(child(domain, "vcpu").getTextContent()).isEqualTo("2");
        assertThat(child(child(domain, "os"), "type").getTextContent()).isEqualTo("hvm");
        assertThat(child(domain, "on_poweroff").getTextContent()).isEqualTo("destroy");
    }

    @Test
    void qemuDomain_hasPtyConsoleButNoGraphicsAndNoDisk() throws Exception {
        Element domain = parse(DomainXml.of(spec("q", null, DomainKind.QEMU, 1, 64)));

        assertThat(domain.getAttribute("type")).isEqualTo("qemu");
        Element osType = child(child(domain, "os"), "type");
        assertThat(osType.getAttribute("arch")).isEqualTo("x86_64");
        assertThat(osType.getAttribute("machine")).isEqualTo("pc");
        Element devices = child(domain, "devices");
        assertThat(childNames(devices)).containsExactly("serial", "console");
        assertThat(child(devices, "serial").getAttribute("type")).isEqualTo("pty");
        assertThat(child(devices, "console").getAttribute("type")).isEqualTo("pty");
        assertThat(domain.getElementsByTagName("graphics").getLength()).isZero();
        assertThat(domain.getElementsByTagName("disk").getLength()).isZero();
    }

    @Test
    void kvmDomain_hasKvmType() throws Exception {
        Element domain = parse(DomainXml.of(spec("k", null, DomainKind.KVM, 4, 2048)));

        assertThat(domain.getAttribute("type")).isEqualTo("kvm");
        assertThat(child(domain, "vcpu").getTextContent()).isEqualTo("4");
        assertThat(child(domain, "memory").getTextContent()).isEqualTo("2048");
    }

    @Test
    void markupAndUnicodeInNameAndDescription_roundTripExactlyAndInjectNothing() throws Exception {
        String xml = DomainXml.of(spec(TRICKY_NAME, "desc " + TRICKY + LINES, DomainKind.QEMU, 1, 64));

        assertThat(DomainXml.read(xml)).isEqualTo(
                new DomainXml.NameAndDescription(TRICKY_NAME, "desc " + TRICKY + "one\ntwo\nthree\nfour\tend"));
        Element domain = parse(xml);
        assertThat(childNames(domain)).containsExactly(
                "name", "uuid", "description", "memory", "vcpu", "os", "on_poweroff", "devices");
        assertThat(domain.getElementsByTagName("graphics").getLength()).isZero();
        assertThat(domain.getElementsByTagName("name").getLength()).isOne();
    }

    @Test
    void blankDescription_isLeftOut() throws Exception {
        Element domain = parse(DomainXml.of(spec("n", "  \n ", DomainKind.TEST, 1, 1)));

        assertThat(childNames(domain)).doesNotContain("description");
        assertThat(DomainXml.read(DomainXml.of(spec("n", null, DomainKind.TEST, 1, 1))).description()).isEmpty();
    }

    @Test
    void controlCharacterInName_isRejectedBeforeLibvirtSeesIt() {
        assertThatThrownBy(() -> DomainXml.of(spec("bad\u0001name", null, DomainKind.TEST, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name")
                .hasMessageContaining("U+0001");
    }

    @Test
    void newlineOrSlashInName_isRejectedAsLibvirtWould() {
        assertThatThrownBy(() -> DomainXml.of(spec("two\nlines", null, DomainKind.TEST, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+000A");
        assertThatThrownBy(() -> DomainXml.of(spec("a/b", null, DomainKind.TEST, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/'");
    }

    @Test
    void vmwareMemory_isRoundedUpToWholeFourMibPages() throws Exception {
        Element domain = parse(DomainXml.of(spec("v", null, DomainKind.VMWARE, 1, 1023)));

        assertThat(child(domain, "memory").getTextContent()).isEqualTo("1024");
    }

    @Test
    void xenPvDomain_bootsThroughTheBootloaderWithAXenConsole() throws Exception {
        Element domain = parse(DomainXml.of(spec("x", null, DomainKind.XEN_PV, 1, 512)));

        assertThat(domain.getAttribute("type")).isEqualTo("xen");
        assertThat(child(domain, "bootloader").getTextContent()).isEqualTo("/usr/lib/xen/bin/pygrub");
        assertThat(child(child(domain, "os"), "type").getTextContent()).isEqualTo("xen");
        assertThat(child(child(child(domain, "devices"), "console"), "target").getAttribute("type")).isEqualTo("xen");
    }

    @Test
    void lxcDomain_runsInitInsteadOfBootingAnOs() throws Exception {
        Element domain = parse(DomainXml.of(spec("c", null, DomainKind.LXC, 1, 256)));

        assertThat(domain.getAttribute("type")).isEqualTo("lxc");
        assertThat(child(child(domain, "os"), "type").getTextContent()).isEqualTo("exe");
        assertThat(child(child(domain, "os"), "init").getTextContent()).isEqualTo("/sbin/init");
    }

    @Test
    void read_refusesDoctypesSoNoEntityIsResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE domain [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<domain><name>&x;</name></domain>";

        assertThatThrownBy(() -> DomainXml.read(xxe))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void read_findsTopLevelNameOnly() {
        String xml = "<domain><metadata><name>inner</name></metadata><name>outer</name></domain>";

        assertThat(DomainXml.read(xml)).isEqualTo(new DomainXml.NameAndDescription("outer", ""));
    }

    private static DomainSpec spec(String name, String description, DomainKind kind, int vcpus, long memoryMib) {
        return new DomainSpec(ID, name, description, kind, vcpus, memoryMib);
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        return doc.getDocumentElement();
    }

    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            assertThat(node.getNodeType()).as("only elements, no stray text").isEqualTo(Node.ELEMENT_NODE);
            names.add(node.getNodeName());
        }
        return names;
    }

    private static Element child(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        throw new AssertionError("no <" + tag + "> in <" + parent.getTagName() + ">");
    }
}
