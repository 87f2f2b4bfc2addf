package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.decode;
import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import naftiko.engine.shape.format.FormatDecoder.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlFormatTest {
    @Test
    void dropsRootTurnsRepeatedSiblingsIntoArraysAndAttributesIntoFields() {
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <users count="2">
                  <user id="1"><name>Ada</name><email>ada@example.org</email></user>
                  <user id="2"><name>Grace</name><email>grace@example.org</email></user>
                </users>
                """;
        assertThat(decode("xml", body)).isEqualTo(json("{'count':'2','user':["
                + "{'id':'1','name':'Ada','email':'ada@example.org'},"
                + "{'id':'2','name':'Grace','email':'grace@example.org'}]}"));
    }

    @Test
    void singleChildStaysAnObjectAndEmptyElementsAreEmptyText() {
        assertThat(decode("xml", "<r><user><name>Ada</name><note/><bio></bio></user></r>"))
                .isEqualTo(json("{'user':{'name':'Ada','note':'','bio':''}}"));
    }

    @Test
    void mixedTextGoesUnderEmptyKey() {
        assertThat(decode("xml", "<r><price currency=\"EUR\">12.50</price><p>Hello <b>you</b> there</p></r>"))
                .isEqualTo(json("{'price':{'currency':'EUR','':'12.50'},'p':{'':['Hello ',' there'],'b':'you'}}"));
    }

    @Test
    void namespacePrefixesAreDroppedToLocalNames() {
        String body = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><m:Price xmlns:m=\"urn:shop\" m:unit=\"kg\">3</m:Price></soap:Body></soap:Envelope>";
        assertThat(decode("xml", body)).isEqualTo(json("{'Body':{'Price':{'unit':'kg','':'3'}}}"));
    }

    @Test
    void predefinedAndNumericEntitiesAndCdataAreText() {
        assertThat(decode("xml", "<r><a>&amp;&lt;&#65;</a><b><![CDATA[<x>]]></b></r>"))
                .isEqualTo(json("{'a':'&<A','b':'<x>'}"));
    }

    @Test
    void byteOrderMarkAndLatin1DeclarationAreHonoured() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r><city>Zürich</city></r>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(FormatDecoder.decode("xml", latin1, null, null)).isEqualTo(json("{'city':'Zürich'}"));
        assertThat(decode("xml", "\uFEFF<r><a>1</a></r>")).isEqualTo(json("{'a':'1'}"));
    }

    @Test
    void emptyBodyIsNullAndEmptyRootIsEmptyObject() {
        assertThat(decode("xml", "")).isEqualTo(NullNode.getInstance());
        assertThat(decode("xml", "<r/>")).isEqualTo(json("{}"));
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><r><a>&x;</a></r>";
        assertThatThrownBy(() -> decode("xml", body))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("upstream body is not valid XML")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void entityExpansionBombIsRefused() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY e").append(i).append(" \"");
            dtd.append(("&e" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String body = dtd + "]><r><a>&e9;</a></r>";
        assertThatThrownBy(() -> decode("xml", body)).isInstanceOf(FormatException.class);
    }

    @Test
    void externalDtdIsNotFetchedButDocumentStillReads() {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:9/never.dtd\"><r><a>1</a></r>";
        assertThat(decode("xml", body)).isEqualTo(json("{'a':'1'}"));
    }

    @Test
    void deepNestingIsRefused() {
        String body = "<a>".repeat(5000) + "</a>".repeat(5000);
        assertThatThrownBy(() -> decode("xml", body)).isInstanceOf(FormatException.class);
    }

    @Test
    void malformedOrNonXmlBodiesFail() {
        assertThatThrownBy(() -> decode("xml", "<r><a>1</a>"))
                .isInstanceOf(FormatException.class)
                .hasMessageMatching("upstream body is not valid XML \\(line 1, column \\d+\\)");
        assertThatThrownBy(() -> decode("xml", "{\"users\":[]}"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("upstream body is not valid XML");
    }
}
