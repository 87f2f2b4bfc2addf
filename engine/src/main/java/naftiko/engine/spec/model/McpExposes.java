package naftiko.engine.spec.model;

import java.util.List;

/** {@code type: mcp} (SPEC.md §14.1). {@code transport} is normalised to http or stdio. */
public record McpExposes(
        String namespace,
        String transport,
        Integer port,
        String address,
        String description,
        Authentication authentication,
        List<McpTool> tools,
        List<McpResource> resources,
        List<McpPrompt> prompts,
        SourcePos pos) implements Exposes {
    @Override
    public String type() {
        return "mcp";
    }

    public boolean isStdio() {
        return "stdio".equals(transport);
    }
}
