package naftiko.engine.run;

import java.util.List;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.spec.model.SourcePos;

/**
 * One {@code exposes: type: mcp}.
 *
 * @param transport   {@code http} or {@code stdio}
 * @param port        null for stdio
 * @param description sent as {@code instructions} on initialize, or null
 * @param auth        inbound authentication, or null
 */
public record McpEndpoint(
        String namespace,
        String transport,
        String address,
        Integer port,
        String description,
        InboundAuth auth,
        List<Unit> tools,
        List<McpResourceUnit> resources,
        List<McpPromptUnit> prompts,
        SourcePos pos) {}
