package naftiko.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import naftiko.engine.bind.EnvFile;
import naftiko.engine.log.RequestIds;
import naftiko.engine.run.Arguments;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.InboundRequest;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.PlanException;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.spec.Diagnostic;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code naftiko call FILE TARGET}: runs one exposed unit once, without starting any server. */
@Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run one MCP tool or REST operation of a capability once and print the result body.",
            "TARGET is an MCP tool name, a REST operation name, or 'METHOD /path?query' matched against the REST routes.",
            "Exit 0 on success, 1 when the upstream answers an error status (>= 400) or fails, 2 on a usage,",
            "input or plan error (one line on stderr saying what to set)."})
public final class CallCommand implements java.util.concurrent.Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "FILE", description = "Capability file (or the name of a bundled one).")
    Path file;

    @Parameters(index = "1", paramLabel = "TARGET", description = "Tool name, operation name, or 'METHOD /path'.")
    String target;

    @Option(names = "--arg", paramLabel = "NAME=VALUE",
            description = "An input; numbers/booleans/JSON are parsed only when the input's schema types them so.")
    List<String> args = new ArrayList<>();

    @Option(names = "--json", paramLabel = "JSON", description = "Inputs as a JSON object (MCP tools), or the JSON body (REST).")
    String json;

    @Option(names = "--base-uri", paramLabel = "NS=URL", description = "Base URI of a consumes namespace (wins over the file).")
    Map<String, String> baseUris = new LinkedHashMap<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "KEY=VALUE file of bind values; wins over the environment.")
    Path envFile;

    @Option(names = "--upstream-timeout", paramLabel = "DURATION", converter = DurationText.class, defaultValue = "30s",
            description = "Whole-request timeout of the upstream call (default: ${DEFAULT-VALUE}).")
    Duration upstreamTimeout;

    @Option(names = "--dry-run", description = "Send nothing: print the exact request that would be sent, secrets as ***.")
    boolean dryRun;

    @Option(names = "--strict", description = "Treat tolerated deviations from the schema as errors.")
    boolean strict;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    int run(PrintStream out, PrintStream err) {
        try {
            Capability capability = plan();
            CallTarget t = CallTarget.find(capability, target);
            Arguments arguments = t.isRest() ? restArguments(t) : new Arguments(mcpValues(t), null);
            Outcome o = t.unit().invoke(arguments, new CallContext(RequestIds.fresh(), "cli"))
                    .get(upstreamTimeout.toMillis() * 2 + 5000, TimeUnit.MILLISECONDS);
            out.write(o.body());
            if (o.body().length > 0 && o.body()[o.body().length - 1] != '\n') out.println();
            out.flush();
            if (o.isError()) {
                err.println("naftiko call: upstream answered HTTP " + o.status());
                return 1;
            }
            return 0;
        } catch (Usage u) {
            err.println("naftiko call: " + u.getMessage());
            return 2;
        } catch (PlanException | IllegalArgumentException e) {
            err.println("naftiko call: " + e.getMessage());
            return 2;
        } catch (ExecutionException e) {
            UnitFailure f = UnitFailure.of(e.getCause());
            err.println("naftiko call: " + f.getMessage());
            return f.kind().isUpstream() ? 1 : 2;
        } catch (TimeoutException e) {
            err.println("naftiko call: no result within the upstream timeout");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException e) {
            err.println("naftiko call: cannot write the result: " + e.getClass().getSimpleName());
            return 1;
        }
    }

    /** A usage or input problem; the message is one line saying what to fix. */
    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message, null, false, false);
        }
    }

    private Capability plan() {
        if (!Files.isRegularFile(file)) {
            BundledCapabilities.Resolved bundled = BundledCapabilities.resolve(file.toString());
            if (bundled == null || !bundled.bundled()) throw new Usage(file + ": no such file");
            System.err.println("naftiko call: no file " + file + " here; calling the bundled capability " + bundled.name());
            file = bundled.path();
        }
        Map<String, String> extra = Map.of();
        if (envFile != null) {
            try {
                extra = EnvFile.read(envFile);
            } catch (IOException e) {
                throw new Usage("cannot read --env-file " + envFile);
            }
        }
        LoadResult loaded = SpecLoader.load(file);
        if (loaded.hasErrors(strict)) {
            List<Diagnostic> errors = loaded.diagnostics(strict).stream().filter(Diagnostic::isError).toList();
            String first = errors.isEmpty() ? file + ": not a Naftiko capability document" : errors.get(0).format();
            throw new Usage(first + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more: run naftiko validate " + file + ")" : ""));
        }
        return CapabilityPlanner.plan(loaded.spec(), new EngineOptions(environment, extra, Map.copyOf(baseUris), dryRun,
                EngineOptions.DEFAULT_CONNECT_TIMEOUT, upstreamTimeout));
    }

    /** --json first, then each --arg typed by the unit's schema (project_id=42 stays "42"; limit=5 becomes 5). */
    private Map<String, JsonNode> mcpValues(CallTarget t) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (json != null) {
            JsonNode j = parseJson(json, "--json");
            if (!j.isObject()) throw new Usage("--json must be a JSON object of inputs for an MCP tool");
            j.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
        }
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw new Usage("--arg " + a + ": write NAME=VALUE");
            String name = a.substring(0, eq);
            values.put(name, typed(a.substring(eq + 1), t.typeOf(name)));
        }
        return values;
    }

    static JsonNode typed(String value, String type) {
        if (type == null || type.equals("string")) return TextNode.valueOf(value);
        try {
            JsonNode n = JSON.readTree(value);
            boolean fits = switch (type) {
                case "integer", "number" -> n != null && n.isNumber();
                case "boolean" -> n != null && n.isBoolean();
                case "object" -> n != null && n.isObject();
                case "array" -> n != null && n.isArray();
                default -> false;
            };
            return fits ? n : TextNode.valueOf(value);
        } catch (IOException e) {
            return TextNode.valueOf(value);
        }
    }

    /** REST: --arg fills route variables, else the query; --json is the body. */
    private Arguments restArguments(CallTarget t) {
        Map<String, String> vars = new LinkedHashMap<>(t.pathVariables());
        Map<String, List<String>> query = new LinkedHashMap<>(t.query());
        List<String> templateVars = new ArrayList<>();
        for (String seg : t.route().pathTemplate().split("/")) {
            if (seg.startsWith("{")) templateVars.add(seg.replace("{", "").replace("}", "").strip());
        }
        StringBuilder raw = new StringBuilder(t.rawQuery() == null ? "" : t.rawQuery());
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw new Usage("--arg " + a + ": write NAME=VALUE");
            String name = a.substring(0, eq);
            String value = a.substring(eq + 1);
            String routeVar = templateVars.stream().filter(v -> v.equals(name)
                    || naftiko.engine.expr.Names.normalise(v).equals(naftiko.engine.expr.Names.normalise(name))).findFirst().orElse(null);
            if (routeVar != null) {
                vars.put(routeVar, value);
            } else {
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                if (raw.length() > 0) raw.append('&');
                raw.append(naftiko.engine.upstream.PercentEncoding.query(name)).append('=')
                        .append(naftiko.engine.upstream.PercentEncoding.query(value));
            }
        }
        for (String v : templateVars) {
            if (!vars.containsKey(v) && !(t.route().forward() && v.equals("path"))) {
                throw new Usage("missing route variable " + v + ": pass --arg " + v + "=VALUE");
            }
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        JsonNode jsonBody = json == null ? null : parseJson(json, "--json");
        String path = t.path() != null && !t.path().contains("{") ? t.path() : t.route().pathTemplate();
        return Arguments.of(new InboundRequest(t.route().method().equals("*") ? "GET" : t.route().method(), path, vars, query,
                raw.length() == 0 ? null : raw.toString(), Map.of(), Map.of(), body, json == null ? null : "application/json",
                jsonBody, t.route().forward() ? vars.get("path") : null));
    }

    private static JsonNode parseJson(String text, String option) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new Usage(option + " is not valid JSON");
        }
    }
}
