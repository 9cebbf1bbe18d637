package org.flatspace.provisioning.hypervisor;

import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The parts of libvirt's capabilities XML that Flatspace uses: host architecture and domain types. */
record Capabilities(String arch, Set<String> domainTypes) {

    static Capabilities read(String xml) {
        Element root = DomainXml.parse(xml);
        String arch = "";
        Element host = DomainXml.child(root, "host");
        if (host != null) {
            Element cpu = DomainXml.child(host, "cpu");
            arch = cpu == null ? "" : DomainXml.childText(cpu, "arch");
        }
        Set<String> types = new TreeSet<>();
        NodeList domains = root.getElementsByTagName("domain");
        for (int i = 0; i < domains.getLength(); i++) {
            String type = ((Element) domains.item(i)).getAttribute("type");
            if (!type.isEmpty()) {
                types.add(type);
            }
        }
        return new Capabilities(arch, types);
    }
}
