package naftiko.cli.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** The text form of an {@link Inspection}: one block per concern, routes and tools one per line. */
public final class InspectText {
    private InspectText() {}

    public static void write(JsonNode o, PrintStream out) {
        out.println("capability: " + o.get("capability").asText() + " (" + o.get("source").asText() + ")");
        out.println();
        out.println("upstreams:");
        if (o.get("upstreams").isEmpty()) out.println("  (none)");
        for (JsonNode u : o.get("upstreams")) {
            out.println("  " + u.get("namespace").asText() + " " + u.get("baseUri").asText() + " (" + u.get("from").asText() + ")");
        }
        out.println();
        out.println("binds:");
        if (o.get("binds").isEmpty()) out.println("  (none)");
        for (JsonNode b : o.get("binds")) {
            out.println("  " + b.get("variable").asText() + " from " + b.get("from").asText() + ": "
                    + (b.get("set").asBoolean() ? "set" : "MISSING"));
        }
        for (JsonNode r : o.get("rest")) {
            out.println();
            out.println("REST " + r.get("namespace").asText() + " on " + hostPort(r) + count(r.get("routes").size(), "route")
                    + (r.get("authentication").asBoolean() ? ", authenticated" : "") + ":");
            for (JsonNode route : r.get("routes")) {
                out.println("  " + route.get("method").asText() + " " + route.get("path").asText() + " → "
                        + route.get("target").asText());
            }
        }
        for (JsonNode m : o.get("mcp")) {
            out.println();
            String where = m.has("port") ? "http://" + hostPort(m) + "/mcp" : m.get("transport").asText();
            out.println("MCP " + m.get("namespace").asText() + " on " + where + count(m.get("tools").size(), "tool")
                    + (m.get("authentication").asBoolean() ? ", authenticated" : "") + ":");
            for (JsonNode t : m.get("tools")) {
                out.println("  " + t.get("name").asText() + " → " + t.get("target").asText()
                        + (t.has("description") ? " — " + t.get("description").asText() : ""));
                out.println("    input: " + t.get("inputSchema"));
            }
            if (!m.get("resources").isEmpty()) out.println("  resources: " + join(m.get("resources")));
            if (!m.get("prompts").isEmpty()) out.println("  prompts: " + join(m.get("prompts")));
        }
        for (JsonNode s : o.get("skills")) {
            out.println();
            out.println("skills " + s.get("namespace").asText() + " on " + hostPort(s) + ": " + join(s.get("skills")));
        }
        out.println();
        JsonNode c = o.get("control");
        out.println(c.isNull() ? "control: none (pass --control-port PORT to run)"
                : "control on " + hostPort(c) + ": " + join(c.get("endpoints"))
                        + (c.get("authentication").asBoolean() ? " (authenticated)" : ""));
        for (JsonNode w : o.get("warnings")) out.println(w.asText());
    }

    private static String hostPort(JsonNode n) {
        String a = n.get("address").asText();
        return (a.contains(":") ? "[" + a + "]" : a) + ":" + (n.has("port") ? n.get("port").asText() : "?");
    }

    private static String count(int n, String what) {
        return " (" + n + " " + what + (n == 1 ? ")" : "s)");
    }

    private static String join(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode x : array) sb.append(sb.length() == 0 ? "" : ", ").append(x.asText());
        return sb.toString();
    }
}
