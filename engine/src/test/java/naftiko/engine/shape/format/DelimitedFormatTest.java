package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.decode;
import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import naftiko.engine.shape.format.FormatDecoder.FormatException;
import org.junit.jupiter.api.Test;

class DelimitedFormatTest {
    @Test
    void csvRowsAreObjectsKeyedByHeaderWithStringValues() {
        assertThat(decode("csv", "id,name,age\n1,Ada,36\n2,Grace,85\n")).isEqualTo(json(
                "[{'id':'1','name':'Ada','age':'36'},{'id':'2','name':'Grace','age':'85'}]"));
    }

    @Test
    void quotedFieldsKeepSeparatorsNewlinesAndEscapedQuotes() {
        String body = "id,note\r\n1,\"Smith, John\"\r\n2,\"line one\nline two\"\r\n3,\"say \"\"hi\"\"\"\r\n";
        assertThat(decode("csv", body)).isEqualTo(json(
                "[{'id':'1','note':'Smith, John'},{'id':'2','note':'line one\\nline two'},"
                        + "{'id':'3','note':'say \\'hi\\''}]".replace("\\'", "\\\"")));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstHeader() {
        assertThat(decode("csv", "\uFEFFid,name\n1,Ada\n")).isEqualTo(json("[{'id':'1','name':'Ada'}]"));
    }

    @Test
    void blankLinesSkippedExtraCellsNumberedMissingCellsAbsent() {
        assertThat(decode("csv", "a,b\n\n1,2,3\n4\n,\n")).isEqualTo(json(
                "[{'a':'1','b':'2','column3':'3'},{'a':'4'},{'a':'','b':''}]"));
    }

    @Test
    void headersTrimmedBlankAndRepeatedHeadersGetDistinctKeysValuesKeptAsWritten() {
        assertThat(decode("csv", " id ,name,,name\n1, Ada ,x,y\n")).isEqualTo(json(
                "[{'id':'1','name':' Ada ','column3':'x','name_2':'y'}]"));
    }

    @Test
    void quotedHeaderMayHoldNewlines() {
        assertThat(decode("csv", "\"first\nname\",age\nAda,36\n")).isEqualTo(json(
                "[{'first\\nname':'Ada','age':'36'}]"));
    }

    @Test
    void emptyBodyAndHeaderOnlyAreEmptyArrays() {
        assertThat(decode("csv", "")).isEqualTo(json("[]"));
        assertThat(decode("csv", "id,name\n")).isEqualTo(json("[]"));
    }

    @Test
    void tsvUsesTabs() {
        assertThat(decode("tsv", "id\tname\n1\tAda, Countess\n")).isEqualTo(json(
                "[{'id':'1','name':'Ada, Countess'}]"));
    }

    @Test
    void psvUsesPipes() {
        assertThat(decode("PSV", "id|name\n1|Ada\n2|\"a|b\"\n")).isEqualTo(json(
                "[{'id':'1','name':'Ada'},{'id':'2','name':'a|b'}]"));
    }

    @Test
    void unterminatedQuoteFails() {
        assertThatThrownBy(() -> decode("csv", "a,b\n1,\"never closed\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageMatching("upstream body is not valid CSV \\(line \\d+, column \\d+\\)");
    }

    @Test
    void manyRowsStream() {
        StringBuilder body = new StringBuilder("n,sq\n");
        for (int i = 0; i < 20_000; i++) {
            body.append(i).append(',').append((long) i * i).append('\n');
        }
        var rows = decode("csv", body.toString());
        assertThat(rows.size()).isEqualTo(20_000);
        assertThat(rows.get(19_999)).isEqualTo(json("{'n':'19999','sq':'399960001'}"));
    }
}
