package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Names and descriptions as users type them, and as attackers do, through the adapter into
 * libvirt (test driver) and back out of libvirt's own description of each domain.
 */
class DomainXmlFuzzIT {

    private static final int VALUES = 1_200;
    private static final long SEED = 20_240_521L;

    /** Pieces that break naive XML building, and characters from outside ASCII. */
    private static final String[] PIECES = {
        "<", ">", "&", "\"", "'", "]]>", "<![CDATA[", "-->", "<!--", "&amp;", "&lt;", "&#x3c;", "&x;",
        "</name>", "</description><devices><graphics type='vnc' port='5900'/></devices><description>",
        "<uuid>00000000-0000-0000-0000-000000000000</uuid>", "\" type=\"kvm", "' onload='x",
        "<?xml version='1.0'?>", "<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>",
        "ü", "ß", "雪", "東京", "😀", "\u202E", "\u00A0", "\uFEFF", "\u2028", " ", "a", "Z", "7", "-", "_", "."
    };
    /** Fine in a description, refused in a name (see namesLibvirtCannotHold_...). */
    private static final String[] DESCRIPTION_ONLY = {"\n", "\r\n", "\r", "\t"};

    /** What libvirt's name check and this adapter's refuse, from a user's point of view. */
    private static final String[] NAMES_REFUSED = {"a/b", "line\nbreak", "bell\u0007", "nul\u0000x", "tab\tbed"};

    private final LibvirtHypervisor hypervisor = new LibvirtHypervisor();
    private final Random random = new Random(SEED);
    private String host;

    @BeforeEach
    void writeHost(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("host.xml");
        Files.writeString(file, """
                <node><cpu><nodes>1</nodes><sockets>1</sockets><cores>8</cores><threads>1</threads></cpu>
                <memory>268435456</memory></node>
                """);
        host = "test://" + file.toAbsolutePath();
    }

    @AfterEach
    void closeConnections() {
        hypervisor.close();
    }

    @Test
    void hostileNamesAndDescriptions_roundTripThroughLibvirtAndInjectNothing() {
        Set<String> names = new HashSet<>();
        List<DomainSpec> specs = new ArrayList<>();
        while (specs.size() < VALUES) {
            String name = randomName();
            if (name.isBlank() || !names.add(name)) {
                continue;
            }
            specs.add(new DomainSpec(UUID.randomUUID(), name, randomText(true), DomainKind.TEST, 1, 1));
        }

        for (DomainSpec spec : specs) {
            assertThat(hypervisor.defineAndStart(host, spec)).as(spec.name()).isEqualTo(DomainState.RUNNING);
            String stored = hypervisor.describe(host, spec.id()).orElseThrow();

            Element domain = DomainXml.parse(stored);
            assertThat(DomainXml.read(stored)).as("what libvirt stored for %s", spec.id()).isEqualTo(
                    new DomainXml.NameAndDescription(spec.name(), expectedDescription(spec.description())));
            assertThat(DomainXml.childText(domain, "uuid")).isEqualTo(spec.id().toString());
            assertNothingInjected(domain);
        }
        assertThat(hypervisor.list(host)).hasSize(VALUES);
    }

    @Test
    void namesLibvirtCannotHold_areRefusedBeforeReachingTheHost() {
        for (String name : NAMES_REFUSED) {
            DomainSpec spec = new DomainSpec(UUID.randomUUID(), name, null, DomainKind.TEST, 1, 1);

            assertThatThrownBy(() -> hypervisor.defineAndStart(host, spec)).as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("name contains");
        }
        assertThat(hypervisor.list(host)).isEmpty();
    }

    /** Only the elements Flatspace writes, and only the attributes libvirt adds to them. */
    private static void assertNothingInjected(Element domain) {
        assertThat(domain.getAttribute("type")).isEqualTo("test");
        assertThat(domain.getElementsByTagName("name").getLength()).isOne();
        assertThat(domain.getElementsByTagName("description").getLength()).isLessThanOrEqualTo(1);
        assertThat(domain.getElementsByTagName("uuid").getLength()).isOne();
        assertThat(domain.getElementsByTagName("graphics").getLength()).isZero();
        for (String textOnly : List.of("name", "description")) {
            Element element = DomainXml.child(domain, textOnly);
            if (element != null) {
                assertThat(element.getChildNodes().getLength()).as("children of " + textOnly).isLessThanOrEqualTo(1);
                assertThat(element.getFirstChild() == null || element.getFirstChild().getNodeType() == Node.TEXT_NODE)
                        .as(textOnly + " holds text only").isTrue();
                NamedNodeMap attributes = element.getAttributes();
                assertThat(attributes.getLength()).as("attributes of " + textOnly).isZero();
            }
        }
    }

    private static String expectedDescription(String description) {
        return description == null || description.isBlank() ? "" : DomainXml.normalizeLineEnds(description);
    }

    /** A name: the pieces without '/', which libvirt refuses in names (closing tags can only be tried in descriptions). */
    private String randomName() {
        return randomText(false).replace("/", "");
    }

    private String randomText(boolean description) {
        int pieces = 1 + random.nextInt(8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (description && random.nextInt(5) == 0) {
                text.append(DESCRIPTION_ONLY[random.nextInt(DESCRIPTION_ONLY.length)]);
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return text.toString();
    }
}
