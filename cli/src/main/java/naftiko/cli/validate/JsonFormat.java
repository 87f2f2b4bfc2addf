package naftiko.cli.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import naftiko.engine.spec.Diagnostic;

/**
 * A JSON array with one object per file:
 * {@code {"file","errors","warnings","diagnostics":[{"severity","rule","line","column","message","hint"}]}}.
 * A diagnostic located in another file (an imported consumes document) also carries {@code "file"}.
 */
public final class JsonFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFormat() {}

    public static void write(List<Checked> results, PrintStream out) {
        ArrayNode all = JSON.createArrayNode();
        for (Checked c : results) {
            ObjectNode f = all.addObject();
            f.put("file", Checked.display(c.file()));
            f.put("errors", c.errors());
            f.put("warnings", c.warnings());
            ArrayNode ds = f.putArray("diagnostics");
            for (Diagnostic d : c.diagnostics()) {
                ObjectNode o = ds.addObject();
                o.put("severity", d.severity().label());
                o.put("rule", d.rule());
                if (d.pos() != null && d.pos().file() != null && !d.pos().file().equals(c.file())) {
                    o.put("file", Checked.display(d.pos().file()));
                }
                o.put("line", d.pos() == null ? 0 : d.pos().line());
                o.put("column", d.pos() == null ? 0 : d.pos().column());
                o.put("message", d.message());
                if (d.hint() == null) o.putNull("hint");
                else o.put("hint", d.hint());
            }
        }
        try {
            out.println(JSON.writeValueAsString(all));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
