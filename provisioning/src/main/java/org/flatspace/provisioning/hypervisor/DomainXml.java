package org.flatspace.provisioning.hypervisor;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Libvirt domain XML, built and read with the JDK's DOM API so that names and descriptions can
 * never inject markup. QEMU and KVM domains get no disk and no graphics: a diskless domain with a
 * serial console boots under TCG, which is all a capacity pool needs to prove a VM runs.
 */
final class DomainXml {

    /** What {@link #read} finds; description is empty when the XML has none. */
    record NameAndDescription(String name, String description) {
    }

    private static final String ARCH = "x86_64";
    private static final String MACHINE = "pc";

    private DomainXml() {
    }

    static String of(DomainSpec spec) {
        requireXmlText("name", spec.name());
        requireXmlText("description", spec.description());
        Document doc = newBuilder().newDocument();
        Element domain = doc.createElement("domain");
        domain.setAttribute("type", spec.kind().libvirtType());
        doc.appendChild(domain);
        append(domain, "name", spec.name());
        append(domain, "uuid", spec.id().toString());
        if (spec.description() != null && !spec.description().isBlank()) {
            append(domain, "description", spec.description());
        }
        append(domain, "memory", Long.toString(spec.memoryMib())).setAttribute("unit", "MiB");
        append(domain, "vcpu", Integer.toString(spec.vcpus()));
        appendOs(domain, spec.kind());
        append(domain, "on_poweroff", "destroy");
        if (spec.kind() != DomainKind.TEST) {
            appendConsole(domain);
        }
        return serialize(doc);
    }

    /** Reads name and description back, e.g. from libvirt's own description of a domain. */
    static NameAndDescription read(String xml) {
        Document doc;
        try {
            doc = newBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("cannot read domain XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        return new NameAndDescription(childText(root, "name"), childText(root, "description"));
    }

    private static void appendOs(Element domain, DomainKind kind) {
        Element type = append(append(domain, "os", null), "type", "hvm");
        // The test driver does not need (and does not check) a machine; real QEMU picks one per arch.
        if (kind != DomainKind.TEST) {
            type.setAttribute("arch", ARCH);
            type.setAttribute("machine", MACHINE);
        }
    }

    private static void appendConsole(Element domain) {
        Element devices = append(domain, "devices", null);
        Element serial = append(devices, "serial", null);
        serial.setAttribute("type", "pty");
        append(serial, "target", null).setAttribute("port", "0");
        Element console = append(devices, "console", null);
        console.setAttribute("type", "pty");
        Element target = append(console, "target", null);
        target.setAttribute("type", "serial");
        target.setAttribute("port", "0");
    }

    private static Element append(Element parent, String tag, String text) {
        Element child = parent.getOwnerDocument().createElement(tag);
        if (text != null) {
            child.setTextContent(text);
        }
        parent.appendChild(child);
        return child;
    }

    private static String childText(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && tag.equals(node.getNodeName())) {
                return node.getTextContent();
            }
        }
        return "";
    }

    /** XML 1.0 cannot hold control characters or lone surrogates, so reject them before libvirt does. */
    private static void requireXmlText(String field, String value) {
        if (value == null) {
            return;
        }
        value.codePoints()
                .filter(c -> !isXmlChar(c))
                .findFirst()
                .ifPresent(c -> {
                    throw new IllegalArgumentException(
                            String.format("%s contains the character U+%04X, which XML cannot hold", field, c));
                });
    }

    /** The Char production of XML 1.0. */
    private static boolean isXmlChar(int c) {
        return c == '\t' || c == '\n' || c == '\r'
                || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static String serialize(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            // Indenting would add whitespace that is not part of the spec's values.
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write domain XML", e);
        }
    }

    /** A parser that reads no DTD and resolves no entity: the XML may come from a host we do not trust. */
    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Without a handler the parser prints "[Fatal Error]" to stderr before throwing the same.
            builder.setErrorHandler(new DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
        }
    }
}
