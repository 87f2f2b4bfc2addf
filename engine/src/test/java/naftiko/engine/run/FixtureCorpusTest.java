package naftiko.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;

/**
 * Every capability of the shared conformance corpus that loads without errors also plans (dry-run,
 * so no secret or host is needed), and every unit answers with an outcome or a BAD_INPUT failure,
 * never an internal error.
 */
class FixtureCorpusTest {
    int exercised;

    /** Every namespace redirected to a recording fake; every unit called with inputs made from its schema. */
    void exerciseAgainstFakeUpstream(Path f, LoadResult r, List<String> problems) throws Exception {
        try (naftiko.engine.testing.FakeUpstream up = new naftiko.engine.testing.FakeUpstream()) {
            Map<String, String> env = new java.util.HashMap<>();
            Map<String, String> bases = new java.util.HashMap<>();
            List<naftiko.engine.spec.model.Bind> binds = new ArrayList<>();
            if (r.spec().binds() != null) binds.addAll(r.spec().binds());
            binds.forEach(b -> b.keys().forEach((k, v) -> env.put(v, "secret-" + k)));
            r.spec().capability().consumes().forEach(c -> bases.put(c.namespace(), up.baseUri()));
            Capability c;
            try {
                c = CapabilityPlanner.plan(r.spec(), new EngineOptions(env, Map.of(), bases, false,
                        Duration.ofSeconds(1), Duration.ofSeconds(2)));
            } catch (PlanException e) {
                if (!e.getMessage().contains("missing key") && !e.getMessage().contains("not found")) {
                    problems.add(f + ": live plan: " + e.getMessage());
                }
                return;
            }
            List<Unit> units = new ArrayList<>();
            c.mcp().forEach(m -> units.addAll(m.tools()));
            c.rest().forEach(e -> e.routes().forEach(rt -> units.add(rt.unit())));
            for (Unit u : units) {
                Map<String, com.fasterxml.jackson.databind.JsonNode> args = new java.util.LinkedHashMap<>();
                u.inputSchema().path("properties").fields().forEachRemaining(e -> args.put(e.getKey(), sample(e.getValue().path("type").asText())));
                try {
                    Outcome o = u.invoke(Arguments.of(args), new CallContext(null, "mcp")).get(5, TimeUnit.SECONDS);
                    assertThat(o).isNotNull();
                    exercised++;
                } catch (ExecutionException e) {
                    UnitFailure uf = UnitFailure.of(e.getCause());
                    // the fake answers JSON, so non-JSON formats legitimately fail to decode
                    if (uf.kind() != UnitFailure.Kind.BAD_INPUT && uf.kind() != UnitFailure.Kind.UPSTREAM_PROTOCOL) problems.add(f + ": live " + u.name() + ": " + uf.kind() + " " + uf.getMessage());
                }
                for (naftiko.engine.testing.FakeUpstream.Recorded rec : up.requests()) {
                    if (rec.path().contains("{") || rec.target().contains("%7B%7B")) problems.add(f + ": " + u.name() + ": braces sent " + rec.target());
                }
                up.clear();
            }
        }
    }

    static com.fasterxml.jackson.databind.JsonNode sample(String type) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return switch (type) {
            case "integer", "number" -> f.numberNode(1);
            case "boolean" -> f.booleanNode(true);
            case "object" -> f.objectNode().put("k", "v");
            case "array" -> f.arrayNode().add("a");
            default -> f.textNode("x1");
        };
    }

    static final Path CORPUS = Path.of("/work/shared/spec/fixtures");

    @Test
    void everyLoadableFixturePlansAndEveryUnitAnswers() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(CORPUS), "conformance corpus not present");
        List<Path> files;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            files = s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
        List<String> planned = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            LoadResult r = SpecLoader.load(f);
            if (r.hasErrors(false) || r.spec() == null || !r.spec().isCapability()) continue;
            Capability c;
            try {
                c = CapabilityPlanner.plan(r.spec(), new EngineOptions(Map.of(), Map.of(), Map.of(), true,
                        Duration.ofSeconds(1), Duration.ofSeconds(1)));
            } catch (PlanException e) {
                if (!e.getMessage().contains("script-steps-unsupported")) problems.add(f + ": plan: " + e.getMessage());
                continue;
            }
            planned.add(f.getFileName().toString());
            exerciseAgainstFakeUpstream(f, r, problems);
            List<Unit> units = new ArrayList<>();
            c.mcp().forEach(m -> units.addAll(m.tools()));
            c.rest().forEach(e -> e.routes().forEach(rt -> units.add(rt.unit())));
            for (Unit u : units) {
                assertThat(u.inputSchema().path("type").asText()).isEqualTo("object");
                try {
                    Outcome o = u.invoke(Arguments.of(Map.of()), new CallContext(null, "mcp")).get(5, TimeUnit.SECONDS);
                    assertThat(o).isNotNull();
                } catch (ExecutionException e) {
                    UnitFailure uf = UnitFailure.of(e.getCause());
                    if (uf.kind() != UnitFailure.Kind.BAD_INPUT) problems.add(f + ": " + u.name() + ": " + uf.kind() + " " + uf.getMessage());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(exercised).isGreaterThan(20);
        assertThat(planned).contains("mcp-capability.yaml", "aggregate-basic.yaml", "step-7-shipyard-orchestrated-lookup.yml");
    }
}
