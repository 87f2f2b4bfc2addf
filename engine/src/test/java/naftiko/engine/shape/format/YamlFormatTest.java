package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.decode;
import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import naftiko.engine.shape.format.FormatDecoder.FormatException;
import org.junit.jupiter.api.Test;

class YamlFormatTest {
    @Test
    void parsesTypedScalarsListsAndMaps() {
        String body = """
                users:
                  - id: 1
                    name: Ada
                    active: true
                    score: 2.5
                    manager: ~
                  - {id: 2, name: "Grace", tags: [a, b]}
                """;
        assertThat(decode("yaml", body)).isEqualTo(json(
                "{'users':[{'id':1,'name':'Ada','active':true,'score':2.5,'manager':null},"
                        + "{'id':2,'name':'Grace','tags':['a','b']}]}"));
    }

    @Test
    void expandsAnchorsAndAliases() {
        String body = "base: &b {x: 1}\ncopy: *b\nlist: &l [1, 2]\nagain: [*l, *l]\n";
        assertThat(decode("yaml", body))
                .isEqualTo(json("{'base':{'x':1},'copy':{'x':1},'list':[1,2],'again':[[1,2],[1,2]]}"));
    }

    @Test
    void keepsDatesAsTextAndNonStringKeysAsText() {
        assertThat(decode("yaml", "when: 2026-02-21\n1: one\nbin: !!binary aGk=\n"))
                .isEqualTo(json("{'when':'2026-02-21','1':'one','bin':'aGk='}"));
    }

    @Test
    void readsOnlyTheFirstDocumentAndSkipsBom() {
        assertThat(decode("yaml", "\uFEFFa: 1\n---\nb: 2\n")).isEqualTo(json("{'a':1}"));
    }

    @Test
    void emptyBodyIsNull() {
        assertThat(decode("yaml", "")).isEqualTo(NullNode.getInstance());
    }

    @Test
    void neverBuildsJavaObjectsFromTags() {
        assertThatThrownBy(() -> decode("yaml", "a: !!java.net.URL [\"http://127.0.0.1/\"]\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("upstream body is not valid YAML");
    }

    @Test
    void refusesAliasBombs() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 40; i++) {
            bomb.append("a").append(i).append(": &a").append(i)
                    .append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        assertThatThrownBy(() -> decode("yaml", bomb.toString())).isInstanceOf(FormatException.class);
    }

    @Test
    void refusesSelfReferencingStructures() {
        assertThatThrownBy(() -> decode("yaml", "a: &a [*a]\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("refusing to build it");
    }

    @Test
    void deepNestingIsRefused() {
        assertThatThrownBy(() -> decode("yaml", "[".repeat(100_000)))
                .isInstanceOf(FormatException.class)
                .hasMessage("upstream body is nested too deeply to decode as yaml");
    }

    @Test
    void reportsSyntaxErrorPosition() {
        assertThatThrownBy(() -> decode("yaml", "a: [1, 2\nb: c\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageMatching("upstream body is not valid YAML \\(line \\d+, column \\d+\\)");
    }
}
