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
 * never inject markup. What differs between drivers (boot, devices) is {@link DriverLayout}'s.
 */
final class DomainXml {

    /** What {@link #read} finds; description is empty when the XML has none. */
    record NameAndDescription(String name, String description) {
    }

    private DomainXml() {
    }

    static String of(DomainSpec spec) {
        requireName(spec.name());
        requireXmlText("description", spec.description());
        Document doc = newBuilder().newDocument();
        Element domain = doc.createElement("domain");
        domain.setAttribute("type", spec.kind().libvirtType());
        doc.appendChild(domain);
        append(domain, "name", spec.name());
        append(domain, "uuid", spec.id().toString());
        if (spec.description() != null && !spec.description().isBlank()) {
            append(domain, "description", normalizeLineEnds(spec.description()));
        }
        append(domain, "memory", Long.toString(DriverLayout.memoryMib(spec))).setAttribute("unit", "MiB");
        append(domain, "vcpu", Integer.toString(spec.vcpus()));
        DriverLayout.appendBoot(domain, spec.kind());
        append(domain, "on_poweroff", "destroy");
        DriverLayout.appendDevices(domain, spec.kind());
        return serialize(doc);
    }

    /**
     * libvirt writes a carriage return back as it is, and every XML parser reads "\r\n" as "\n";
     * so line ends are made "\n" before libvirt sees them, and that is what reads back.
     */
    static String normalizeLineEnds(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Reads name and description back, e.g. from libvirt's own description of a domain. */
    static NameAndDescription read(String xml) {
        Element root = parse(xml);
        return new NameAndDescription(childText(root, "name"), childText(root, "description"));
    }

    /** The root element of XML from a host, read without DTDs or entities. */
    static Element parse(String xml) {
        try {
            return newBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("cannot read libvirt XML: " + e.getMessage(), e);
        }
    }

    static Element append(Element parent, String tag, String text) {
        Element child = parent.getOwnerDocument().createElement(tag);
        if (text != null) {
            child.setTextContent(text);
        }
        parent.appendChild(child);
        return child;
    }

    /** The first child element with this tag, or null. */
    static Element child(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && tag.equals(node.getNodeName())) {
                return (Element) node;
            }
        }
        return null;
    }

    /** The text of the first child element with this tag, or "" if there is none. */
    static String childText(Element parent, String tag) {
        Element child = child(parent, tag);
        return child == null ? "" : child.getTextContent();
    }

    /** libvirt refuses a '/' (names are file names on the host) and control characters in a name. */
    private static void requireName(String name) {
        requireXmlText("name", name);
        name.codePoints()
                .filter(c -> c == '/' || c < 0x20 || c == 0x7F)
                .findFirst()
                .ifPresent(c -> {
                    throw new IllegalArgumentException(c == '/'
                            ? "name contains '/', which libvirt does not allow in a domain name"
                            : String.format("name contains the control character U+%04X", c));
                });
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
