package naftiko.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.Arguments;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.Unit;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.spec.model.SourcePos;

/**
 * A hand-written tool standing in for an engine unit: checks required arguments like the engine
 * (BAD_INPUT naming the argument), then GETs {@code upstream + path?arg=value...} asynchronously.
 */
class FakeTool implements Unit {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final List<String> required;
    private final String upstream;
    private final String path;
    private final McpTool.Hints hints;

    FakeTool(String name, List<String> required, String upstream, String path, McpTool.Hints hints) {
        this.name = name;
        this.required = required;
        this.upstream = upstream;
        this.path = path;
        this.hints = hints;
    }

    static FakeTool named(String name) {
        return new FakeTool(name, List.of(), null, "/", new McpTool.Hints(null, null, null, null));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return "Title of " + name;
    }

    @Override
    public String description() {
        return "Description of " + name;
    }

    @Override
    public ObjectNode inputSchema() {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        required.forEach(r -> props.putObject(r).put("type", "string"));
        props.putObject("limit").put("type", "integer");
        if (!required.isEmpty()) required.forEach(schema.putArray("required")::add);
        return schema;
    }

    @Override
    public ObjectNode outputSchema() {
        return null;
    }

    @Override
    public McpTool.Hints hints() {
        return hints;
    }

    @Override
    public SourcePos pos() {
        return SourcePos.UNKNOWN;
    }

    @Override
    public String target() {
        return "fake." + name;
    }

    @Override
    public CompletableFuture<Outcome> invoke(Arguments arguments, CallContext context) {
        for (String r : required) {
            if (!arguments.values().containsKey(r)) {
                return CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.BAD_INPUT,
                        "missing required argument " + r, List.of(r)));
            }
        }
        if (upstream == null) return CompletableFuture.completedFuture(Outcome.json(200, JSON.createObjectNode().put("tool", name)));
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : arguments.values().entrySet()) {
            query.append(query.length() == 0 ? "?" : "&").append(e.getKey()).append('=').append(e.getValue().asText());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(upstream + path + query))
                .header("X-Request-Id", context.requestId()).GET().build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) throw new UnitFailure(UnitFailure.Kind.UPSTREAM_UNREACHABLE, "cannot reach fake upstream");
            String type = response.headers().firstValue("content-type").orElse(null);
            return Outcome.raw(response.statusCode(), type, response.body(), Map.of());
        });
    }
}
