package naftiko.mcp;

import java.util.List;
import naftiko.engine.run.Capability;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.McpPromptUnit;
import naftiko.engine.run.McpResourceUnit;
import naftiko.engine.run.Unit;
import naftiko.engine.spec.model.SourcePos;

/** Builds planned capabilities out of test doubles. */
final class Fixtures {
    private Fixtures() {}

    static McpEndpoint endpoint(List<Unit> tools, List<McpResourceUnit> resources, List<McpPromptUnit> prompts) {
        return new McpEndpoint("test-mcp", "http", "127.0.0.1", 0, "Use these tools for tests.", null,
                tools, resources, prompts, SourcePos.UNKNOWN);
    }

    static Capability capability(McpEndpoint endpoint) {
        return new Capability(null, "test", List.of(), List.of(endpoint), List.of(), null, List.of());
    }
}
