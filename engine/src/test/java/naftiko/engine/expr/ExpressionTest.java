package naftiko.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import naftiko.engine.testing.Json;
import org.junit.jupiter.api.Test;

class ExpressionTest {
    final Scope scope = Scope.of(Map.of(
            "name", Json.parse("\"Ada\""),
            "n", Json.parse("5.0"),
            "big", Json.parse("12345678901234567890"),
            "ratio", Json.parse("0.25"),
            "tags", Json.parse("[\"a\",\"b\"]"),
            "step", Json.parse("{\"user\":{\"id\":7}}"),
            "env.KEY", Json.parse("\"qualified\""),
            "task-id", Json.parse("\"t1\"")));

    @Test
    void plainSpacedAndTripleBraceVariables() {
        assertThat(Template.compile("Hi {{name}}, {{ name }}, {{{name}}}!").render(scope)).isEqualTo("Hi Ada, Ada, Ada!");
    }

    @Test
    void numbersWithoutTrailingZeroAndStructuresAsJson() {
        assertThat(Template.compile("{{n}}|{{big}}|{{ratio}}|{{tags}}").render(scope)).isEqualTo("5|12345678901234567890|0.25|[\"a\",\"b\"]");
    }

    @Test
    void dottedNamesUseTheLiteralKeyFirstThenNavigate() {
        assertThat(Template.compile("{{env.KEY}} {{step.user.id}}").render(scope)).isEqualTo("qualified 7");
    }

    @Test
    void hyphenatedNames() {
        assertThat(Template.compile("{{task-id}}").render(scope)).isEqualTo("t1");
    }

    @Test
    void missingVariableIsAnErrorNamingItNeverEmpty() {
        assertThatThrownBy(() -> Template.compile("/a/{{missing}}/b").render(scope))
                .isInstanceOf(MissingVariableException.class)
                .satisfies(e -> assertThat(((MissingVariableException) e).variable()).isEqualTo("missing"));
    }

    @Test
    void jsonNullIsMissing() {
        Scope s = Scope.of(Map.of("x", Json.parse("null")));
        assertThatThrownBy(() -> Template.compile("{{x}}").render(s)).isInstanceOf(MissingVariableException.class);
    }

    @Test
    void pathTemplatesAcceptSingleBraces() {
        Template t = Template.compilePath("/p/{project_id}/t/{{task_id}}/");
        assertThat(t.variables()).containsExactly("project_id", "task_id");
        assertThat(Template.compile("/p/{project_id}").isConstant()).isTrue();
    }

    @Test
    void soleVariable() {
        assertThat(Template.compile("{{ x }}").soleVariable()).isEqualTo("x");
        assertThat(Template.compile("a{{x}}").soleVariable()).isNull();
    }

    @Test
    void scopesChain() {
        Scope s = Scope.of(Map.of("a", Json.parse("1"))).then(Scope.of(Map.of("a", Json.parse("2"), "b", Json.parse("3"))));
        assertThat(Template.compile("{{a}}{{b}}").render(s)).isEqualTo("13");
    }

    @Test
    void inputReferencesWithEveryRecognisedPrefix() {
        List<String> rest = InputReference.prefixes("rest", "shop-rest");
        assertThat(InputReference.parse("shop-rest.id", rest)).isEqualTo("id");
        assertThat(InputReference.parse("rest.task_id", rest)).isEqualTo("task_id");
        assertThat(InputReference.parse("$this.shop-rest.x-y", rest)).isEqualTo("x-y");
        List<String> mcp = InputReference.prefixes("mcp", "shop-mcp");
        assertThat(InputReference.parse("tools.limit", mcp)).isEqualTo("limit");
        assertThat(InputReference.parse("mcp.limit", mcp)).isEqualTo("limit");
        assertThat(InputReference.parse("other.limit", mcp)).isNull();
        assertThat(InputReference.parse("tools.a.b", mcp)).isNull();
        assertThat(InputReference.parse("tools.", mcp)).isNull();
        assertThat(InputReference.parse("toolsx.a", mcp)).isNull();
        assertThat(InputReference.parse("agg.x", InputReference.prefixes("aggregate", "agg"))).isEqualTo("x");
    }

    @Test
    void jsonPathWholeDocumentAndSelections() {
        JsonNode doc = Json.parse("{\"a\":{\"b\":[{\"c\":1},{\"c\":2}]},\"x y\":3}");
        assertThat(JsonPathExpr.compile("$").evaluate(doc)).isSameAs(doc);
        assertThat(JsonPathExpr.compile("$.").evaluate(doc)).isSameAs(doc);
        assertThat(JsonPathExpr.compile("$.a.b[1].c").evaluate(doc).asInt()).isEqualTo(2);
        assertThat(JsonPathExpr.compile("$.a.b[*].c").evaluate(doc)).isEqualTo(Json.parse("[1,2]"));
        assertThat(JsonPathExpr.compile("$['x y']").evaluate(doc).asInt()).isEqualTo(3);
        assertThat(JsonPathExpr.compile("$.nope").evaluate(doc)).isNull();
        assertThatThrownBy(() -> JsonPathExpr.compile("$[")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepPaths() {
        Map<String, JsonNode> ctx = Map.of("get-user", Json.parse("{\"profile\":{\"name\":\"Ada\"},\"list\":[1]}"));
        assertThat(StepPath.compile("$.get-user.profile.name").evaluate(ctx).asText()).isEqualTo("Ada");
        assertThat(StepPath.compile("$.get-user").evaluate(ctx)).isEqualTo(ctx.get("get-user"));
        assertThat(StepPath.compile("$.get-user.list.x").evaluate(ctx)).isNull();
        assertThat(StepPath.compile("$.other.x").evaluate(ctx)).isNull();
        assertThatThrownBy(() -> StepPath.compile("get-user")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesNormaliseKebabAndCase() {
        assertThat(Names.normalise("Task-Id")).isEqualTo("task_id");
        assertThat(Names.find(Map.of("task-id", 1), "task_id")).isEqualTo(1);
        assertThat(Names.find(Map.of("task_id", 1, "Task_Id", 2), "Task_Id")).isEqualTo(2);
    }
}
