package naftiko.mcp.methods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import naftiko.engine.run.Outcome;
import naftiko.mcp.jsonrpc.Replies;
import org.junit.jupiter.api.Test;

/** Tool results from relayed upstream bytes: embedded verbatim when safe, else through a tree as before. */
class ToolResultsTest {

    private static String result(String body) throws Exception {
        return result(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String result(byte[] body) throws Exception {
        return Replies.JSON.writeValueAsString(ToolResults.of(Outcome.raw(200, "application/json", body, Map.of())));
    }

    /** What the result was before bodies were embedded: parsed into a tree, written out again. */
    private static String throughATree(String body) throws Exception {
        ObjectNode r = Replies.object();
        r.putArray("content").addObject().put("type", "text").put("text", body);
        r.put("isError", false);
        JsonNode json = Outcome.raw(200, null, body.getBytes(StandardCharsets.UTF_8), Map.of()).jsonOrNull();
        if (json != null && json.isObject()) r.set("structuredContent", json);
        return Replies.JSON.writeValueAsString(r);
    }

    @Test
    void aCompactObjectIsEmbeddedAsItIsAndEscapedOnceForText() throws Exception {
        String body = "{\"id\":\"abc\",\"status\":\"completed\",\"n\":[1,2.5,null,true],\"é\":\"\\u00e9\\n\"}";
        assertThat(result(body)).isEqualTo("{\"content\":[{\"type\":\"text\",\"text\":"
                + Replies.JSON.writeValueAsString(body) + "}],\"isError\":false,\"structuredContent\":" + body + "}");
        String spaced = " { \"a\" : 1.0e2 ,\t\"b\" : { } } ";
        assertThat(result(spaced)).endsWith("\"structuredContent\":" + spaced + "}");
        assertThat(Replies.JSON.readTree(result(spaced))).isEqualTo(Replies.JSON.readTree(throughATree(spaced)));
    }

    @Test
    void whatCannotBeEmbeddedSafelyGoesThroughATreeAsBefore() throws Exception {
        for (String body : new String[] {
                "{\n  \"pretty\": true\n}",           // newlines would break stdio and SSE framing
                "{\"a\":1,\"a\":2}",                  // a tree keeps the last
                "{\"x\":{\"a\":1,\"b\":2,\"a\":3}}",  // ... at any depth
                "{\"a\":1} trailing",                 // a tree reads the first value only
                "{\"a\":1}{\"b\":2}",
                "\uFEFF{\"bom\":1}",
                "[1,2]", "\"text\"", "42", "", "not json", "{\"open\":",
        }) {
            assertThat(result(body)).as(body).isEqualTo(throughATree(body));
        }
        byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThat(result(badUtf8)).doesNotContain("structuredContent");
    }

    @Test
    void aShapedTreeIsUsedAsItIs() throws Exception {
        ObjectNode shaped = Replies.object().put("count", 2);
        ObjectNode r = ToolResults.of(Outcome.json(200, shaped));
        assertThat(r.get("structuredContent")).isSameAs(shaped);
        assertThat(r.at("/content/0/text").asText()).isEqualTo("{\"count\":2}");
    }

    @Test
    void upstreamErrorsCarryStatusAndBodyOnly() throws Exception {
        ObjectNode r = ToolResults.of(Outcome.raw(503, "application/json", "{\"busy\":true}".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(Replies.JSON.writeValueAsString(r)).isEqualTo("{\"content\":[{\"type\":\"text\",\"text\":"
                + "\"Upstream returned HTTP 503: {\\\"busy\\\":true}\"}],\"isError\":true}");
    }
}
