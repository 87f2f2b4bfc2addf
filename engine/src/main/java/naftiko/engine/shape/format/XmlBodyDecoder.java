package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * xml: Jackson's XML tree. The root element is dropped, child elements become fields, repeated
 * siblings become arrays, attributes become fields, text beside attributes or children sits under
 * {@code ""}; namespace prefixes are dropped (local names). DTD processing is off and no
 * external resource is ever resolved, so a declared entity (XXE, billion laughs) is never read
 * or expanded: referencing one fails as an undeclared entity.
 */
final class XmlBodyDecoder implements BodyDecoder {
    private static final int MAX_DEPTH = 200;

    private final XmlMapper mapper;

    XmlBodyDecoder() {
        XMLInputFactory input = new WstxInputFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        input.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        input.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new javax.xml.stream.XMLStreamException("external resources are not read");
        });
        mapper = new XmlMapper(XmlFactory.builder().xmlInputFactory(input).build());
    }

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        if (BodyText.isBlank(body)) {
            return NullNode.getInstance();
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
        } catch (IOException | RuntimeException e) {
            throw BodyText.invalid("XML", e instanceof IOException io ? io : null);
        }
    }
}
