package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.decode;
import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import naftiko.engine.shape.format.FormatDecoder.FormatException;
import org.junit.jupiter.api.Test;

class MarkdownFormatTest {
    private static final String README = """
            ---
            title: Shipyard
            version: 2
            tags: [ships, crew]
            ---
            # Shipyard

            Intro text.

            ## Features

            | Feature | Status |
            |---------|:------:|
            | **Voyages** | `done` |
            | Crew [roster](http://x) | planned |

            ### Details

            More detail.

            ## Limits
            | Limit | Value |
            | --- | --- |
            | ships | 10 |
            """;

    @Test
    void frontMatterTablesAndNestedSections() {
        assertThat(decode("markdown", README)).isEqualTo(json("""
                {'frontMatter':{'title':'Shipyard','version':2,'tags':['ships','crew']},
                 'tables':[[{'Feature':'Voyages','Status':'done'},{'Feature':'Crew roster','Status':'planned'}],
                           [{'Limit':'ships','Value':'10'}]],
                 'sections':[
                   {'heading':'Shipyard','level':1,'content':'Intro text.\\n\\n## Features\\n\\n| Feature | Status |\\n|---------|:------:|\\n| **Voyages** | `done` |\\n| Crew [roster](http://x) | planned |\\n\\n### Details\\n\\nMore detail.\\n\\n## Limits\\n| Limit | Value |\\n| --- | --- |\\n| ships | 10 |'},
                   {'heading':'Features','level':2,'content':'| Feature | Status |\\n|---------|:------:|\\n| **Voyages** | `done` |\\n| Crew [roster](http://x) | planned |\\n\\n### Details\\n\\nMore detail.'},
                   {'heading':'Details','level':3,'content':'More detail.'},
                   {'heading':'Limits','level':2,'content':'| Limit | Value |\\n| --- | --- |\\n| ships | 10 |'}]}
                """));
    }

    @Test
    void outputSchemaFiltersSectionsByHeadingPrefixOnly() {
        var result = decode("markdown", README, "Li");
        assertThat(result.get("sections")).isEqualTo(json(
                "[{'heading':'Limits','level':2,'content':'| Limit | Value |\\n| --- | --- |\\n| ships | 10 |'}]"));
        assertThat(result.get("tables").size()).isEqualTo(2);
    }

    @Test
    void noFrontMatterAndSetextHeadings() {
        assertThat(decode("markdown", "Title\n=====\nbody\n\nSub\n---\nmore\n")).isEqualTo(json(
                "{'frontMatter':{},'tables':[],'sections':["
                        + "{'heading':'Title','level':1,'content':'body\\n\\nSub\\n---\\nmore'},"
                        + "{'heading':'Sub','level':2,'content':'more'}]}"));
    }

    @Test
    void emptyBodyAndCrLfAndBom() {
        assertThat(decode("markdown", "")).isEqualTo(json("{'frontMatter':{},'tables':[],'sections':[]}"));
        assertThat(decode("markdown", "\uFEFF---\r\na: 1\r\n---\r\n# H\r\ntext\r\n")).isEqualTo(json(
                "{'frontMatter':{'a':1},'tables':[],'sections':[{'heading':'H','level':1,'content':'text'}]}"));
    }

    @Test
    void shortRowsAreFilledByTheParserAndLongRowsTrimmed() {
        assertThat(decode("markdown", "| a | b |\n|---|---|\n| 1 |\n| 2 | 3 | 4 |\n").get("tables"))
                .isEqualTo(json("[[{'a':'1','b':''},{'a':'2','b':'3'}]]"));
    }

    @Test
    void headingsInsideQuotesAreNotSections() {
        assertThat(decode("markdown", "> # quoted\n\n# real\nx\n").get("sections"))
                .isEqualTo(json("[{'heading':'real','level':1,'content':'x'}]"));
    }

    @Test
    void invalidFrontMatterFails() {
        assertThatThrownBy(() -> decode("markdown", "---\na: [1\n---\n# x\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("upstream body is not valid YAML front matter");
        assertThatThrownBy(() -> decode("markdown", "---\n- a\n- b\n---\n# x\n"))
                .isInstanceOf(FormatException.class)
                .hasMessage("markdown front matter is not a YAML mapping");
    }

    @Test
    void deeplyNestedQuotesDoNotCrash() {
        assertThat(decode("markdown", ">".repeat(20_000) + " deep\n").get("sections")).isEqualTo(json("[]"));
    }
}
