package naftiko.engine.spec.check;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.McpExposes;
import naftiko.engine.spec.model.SourcePos;
import naftiko.engine.spec.model.Spec;

/** MCP tool names clients accept (1–64 characters of {@code [A-Za-z0-9_-]}), unique per adapter. */
final class ToolNameChecks {
    static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ToolNameChecks() {}

    static void run(Spec spec, Report report) {
        if (!spec.isCapability()) return;
        for (var e : spec.capability().exposes()) {
            if (!(e instanceof McpExposes mcp)) continue;
            Map<String, SourcePos> seen = new HashMap<>();
            for (var t : mcp.tools()) {
                String ref = t.execution().ref();
                String name = t.name() != null ? t.name() : ref == null ? null : ref.substring(ref.indexOf('.') + 1);
                if (name == null) continue;
                if (!TOOL_NAME.matcher(name).matches()) {
                    String why = name.length() > 64 ? "is " + name.length() + " characters long (MCP clients accept at most 64)"
                            : "contains characters MCP clients reject (allowed: A-Z a-z 0-9 _ -)";
                    String fixed = name.replaceAll("[^A-Za-z0-9_-]", "-");
                    report.error(Rules.TOOL_NAME_INVALID, "MCP tool name '" + name + "' " + why,
                            "rename it, e.g. '" + (fixed.length() > 64 ? fixed.substring(0, 64) : fixed) + "'", t.pos());
                }
                SourcePos first = seen.putIfAbsent(name, t.pos());
                if (first != null) {
                    report.error(Rules.DUPLICATE_TOOL, "MCP tool name '" + name + "' is declared twice in adapter '" + mcp.namespace() + "'",
                            "first at line " + first.line(), t.pos());
                }
            }
        }
    }
}
