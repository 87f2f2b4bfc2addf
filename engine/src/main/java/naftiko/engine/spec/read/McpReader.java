package naftiko.engine.spec.read;

import java.util.List;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.McpExposes;
import naftiko.engine.spec.model.McpPrompt;
import naftiko.engine.spec.model.McpResource;
import naftiko.engine.spec.model.McpTool;

/** {@code type: mcp} (§14): tools, resources, prompts. */
final class McpReader {
    private McpReader() {}

    static McpExposes read(YamlMap m) {
        String ns = Names.kebab(m, "namespace", true);
        String what = "MCP adapter '" + ns + "'";
        m.rename(what);
        String transport = m.oneOf("transport", List.of("http", "stdio"));
        if (transport == null) transport = "http";
        Integer port = m.integer("port", 1, 65535);
        if (port == null && !m.has("port") && !"stdio".equals(transport)) m.missing("port");
        String address = m.string("address");
        String description = m.string("description");
        var auth = AuthReader.read(m);
        WithScope scope = WithScope.mcp(ns);
        List<McpTool> tools = m.maps("tools", t -> tool(t, scope), i -> "tool #" + (i + 1) + " of " + what);
        List<McpResource> resources = m.maps("resources", r -> resource(r, scope), i -> "resource #" + (i + 1) + " of " + what);
        List<McpPrompt> prompts = m.maps("prompts", McpReader::prompt, i -> "prompt #" + (i + 1) + " of " + what);
        if (!m.has("tools") && !m.has("resources") && !m.has("prompts")) m.missing("tools");
        m.unknownFields();
        return new McpExposes(ns, transport, port, address, description, auth, tools, resources, prompts, m.pos());
    }

    private static McpTool tool(YamlMap t, WithScope scope) {
        String name = t.string("name");
        boolean isRef = t.has("ref");
        t.rename("MCP tool '" + (name != null ? name : t.string("ref")) + "'");
        if (name == null && !isRef) t.missing("name");
        String label = t.string("label");
        String description = t.string("description");
        if (description == null && !isRef && !t.has("description")) {
            t.report().leniency(Rules.MISSING_DOCUMENTATION, "MCP tool '" + name + "' has no description",
                    "agents choose tools by their description", t.pos());
        }
        var params = ParamReader.tool(t);
        McpTool.Hints hints = null;
        YamlMap h = t.map("hints", "hints of tool '" + name + "'");
        if (h != null) {
            hints = new McpTool.Hints(h.bool("readOnly"), h.bool("destructive"), h.bool("idempotent"), h.bool("openWorld"));
            h.unknownFields();
        }
        var execution = ExecutionReader.read(t, scope);
        t.unknownFields();
        return new McpTool(name, label, description, params, hints, execution, t.pos());
    }

    private static McpResource resource(YamlMap r, WithScope scope) {
        String name = r.requiredString("name");
        r.rename("MCP resource '" + name + "'");
        String label = r.string("label");
        String uri = r.requiredString("uri");
        String description = r.string("description");
        String mimeType = r.string("mimeType");
        String location = r.string("location");
        var execution = location == null ? ExecutionReader.read(r, scope) : null;
        if (location != null && (r.has("call") || r.has("steps"))) {
            r.report().error(Rules.INVALID_VALUE, "MCP resource '" + name + "' has both 'location' (static) and call/steps (dynamic)",
                    "keep one", r.pos("location"));
        }
        r.unknownFields();
        return new McpResource(name, label, uri, description, mimeType, location, execution, r.pos());
    }

    private static McpPrompt prompt(YamlMap p) {
        String name = p.requiredString("name");
        p.rename("MCP prompt '" + name + "'");
        String label = p.string("label");
        String description = p.string("description");
        List<McpPrompt.Argument> args = p.maps("arguments", a -> {
            String n = a.requiredString("name");
            String l = a.string("label");
            String d = a.string("description");
            Boolean req = a.bool("required");
            a.unknownFields();
            return new McpPrompt.Argument(n, l, d, req == null || req);
        }, i -> "argument #" + (i + 1) + " of prompt '" + name + "'");
        List<McpPrompt.Message> template = p.maps("template", msg -> {
            String role = msg.oneOf("role", List.of("user", "assistant"));
            if (role == null && !msg.has("role")) msg.missing("role");
            String content = msg.requiredString("content");
            msg.unknownFields();
            return new McpPrompt.Message(role, content);
        }, i -> "message #" + (i + 1) + " of prompt '" + name + "'");
        String location = p.string("location");
        if (!p.has("template") && location == null) {
            p.report().error(Rules.REQUIRED_FIELD, "MCP prompt '" + name + "' needs 'template' or 'location'", null, p.pos());
        }
        p.unknownFields();
        return new McpPrompt(name, label, description, args, template, location, p.pos());
    }
}
