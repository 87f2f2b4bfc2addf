package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.decode;
import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import naftiko.engine.shape.format.FormatDecoder.FormatException;
import org.junit.jupiter.api.Test;

class HtmlFormatTest {
    private static final String PAGE = """
            <html><head><title>Shop</title></head><body>
              <table id="nav"><tr><td>Home</td><td>About</td></tr></table>
              <table class="products">
                <thead><tr><th>Name</th><th>Price</th><th>Stock</th></tr></thead>
                <tbody>
                  <tr><td>  Widget </td><td>9.99</td><td>12</td></tr>
                  <tr><th colspan="3">Discontinued</th></tr>
                  <tr><td><a href="/g">Gadget</a> <em>Pro</em></td><td>19.50</td><td>0</td></tr>
                </tbody>
              </table>
            </body></html>
            """;

    @Test
    void selectorPicksTablesHeadersFromThRowsWithThSkipped() {
        assertThat(decode("html", PAGE, "table.products")).isEqualTo(json("{'tables':[["
                + "{'Name':'Widget','Price':'9.99','Stock':'12'},"
                + "{'Name':'Gadget Pro','Price':'19.50','Stock':'0'}]]}"));
    }

    @Test
    void withoutSelectorEveryTableIsReturnedInOrder() {
        // the nav table has no th: its first row serves as headers, so it has no data rows
        assertThat(decode("html", PAGE)).isEqualTo(json("{'tables':[[],["
                + "{'Name':'Widget','Price':'9.99','Stock':'12'},"
                + "{'Name':'Gadget Pro','Price':'19.50','Stock':'0'}]]}"));
    }

    @Test
    void selectorOnAContainerUsesTheTablesInside() {
        String body = "<div id=report><table><tr><th>k</th></tr><tr><td>v</td></tr></table></div>"
                + "<table><tr><th>other</th></tr><tr><td>x</td></tr></table>";
        assertThat(decode("html", body, "#report")).isEqualTo(json("{'tables':[[{'k':'v'}]]}"));
    }

    @Test
    void headerRowMayMixThAndTdAndBlankOrRepeatedHeadersGetKeys() {
        String body = "<table><tr><th>Name</th><td>Qty</td><th></th><th>Name</th></tr>"
                + "<tr><td>a</td><td>1</td><td>x</td><td>b</td><td>extra</td></tr>"
                + "<tr><td>short</td></tr></table>";
        assertThat(decode("html", body)).isEqualTo(json("{'tables':[["
                + "{'Name':'a','Qty':'1','column3':'x','Name_2':'b','column5':'extra'},"
                + "{'Name':'short'}]]}"));
    }

    @Test
    void nestedTablesDoNotLeakRowsIntoTheOuterTable() {
        String body = "<table class=o><tr><th>cell</th></tr>"
                + "<tr><td><table><tr><th>in</th></tr><tr><td>deep</td></tr></table></td></tr></table>";
        assertThat(decode("html", body, "table.o")).isEqualTo(json("{'tables':[[{'cell':'in deep'}]]}"));
        assertThat(decode("html", body).get("tables").get(1)).isEqualTo(json("[{'in':'deep'}]"));
    }

    @Test
    void noMatchingTableGivesEmptyListAndEmptyBodyToo() {
        assertThat(decode("html", "<p>no tables</p>", "table.products")).isEqualTo(json("{'tables':[]}"));
        assertThat(decode("html", "")).isEqualTo(json("{'tables':[]}"));
    }

    @Test
    void absurdlyDeepMarkupDoesNotCrash() {
        String body = "<div>".repeat(100_000) + "<table class=t><tr><th>a</th></tr><tr><td>1</td></tr></table>";
        assertThat(decode("html", body, "table.t").get("tables")).hasSize(1);
    }

    @Test
    void charsetFromMetaIsHonoured() {
        byte[] body = "<meta charset=\"ISO-8859-1\"><table><tr><th>Stadt</th></tr><tr><td>Zürich</td></tr></table>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(FormatDecoder.decode("html", body, null, null))
                .isEqualTo(json("{'tables':[[{'Stadt':'Zürich'}]]}"));
    }

    @Test
    void invalidSelectorIsAFormatErrorAndALoadTimeProblem() {
        assertThatThrownBy(() -> decode("html", PAGE, "table[class"))
                .isInstanceOf(FormatException.class)
                .hasMessage("outputSchema 'table[class' is not a valid CSS selector for html tables");
        assertThat(FormatDecoder.check("html", "table[class", null))
                .contains("outputSchema 'table[class' is not a valid CSS selector for html tables");
        assertThat(FormatDecoder.check("html", "table.products", null)).isEmpty();
    }
}
