package naftiko.engine.spec.read;

import java.nio.file.Path;
import java.util.List;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.Spec;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** The root object (§2.1): a capability document or a shared consumes document. */
public final class DocumentReader {
    public static final String SUPPORTED_VERSION = "1.0.0-alpha2";

    private DocumentReader() {}

    /** The model, or null when the root is not a mapping (reported). */
    public static Spec read(Node root, Path file, Report report) {
        if (!(root instanceof MappingNode)) {
            report.error(Rules.ROOT_NOT_MAPPING, "the document root must be a mapping starting with 'naftiko: " + SUPPORTED_VERSION
                    + "', got " + Nodes.describe(root), null, report.pos(root));
            return null;
        }
        YamlMap m = YamlMap.of(root, report, "the document root");
        String version = m.string("naftiko");
        if (!m.has("naftiko")) {
            report.error(Rules.REQUIRED_FIELD, "missing 'naftiko' version", "add 'naftiko: " + SUPPORTED_VERSION + "' as the first line",
                    m.pos());
        } else if (!SUPPORTED_VERSION.equals(version)) {
            report.error(Rules.NAFTIKO_VERSION, "unsupported naftiko version '" + version + "'; this runtime supports " + SUPPORTED_VERSION,
                    "write 'naftiko: " + SUPPORTED_VERSION + "' (and check the document against that version)", m.pos("naftiko"));
        }
        var info = CapabilityReader.info(m);
        var binds = CapabilityReader.binds(m);
        Imports imports = new Imports(file);
        var capability = CapabilityReader.capability(m, imports);
        var consumes = m.has("consumes") ? ConsumesReader.list(m, imports) : List.<naftiko.engine.spec.model.Consumes>of();
        if (capability == null && !m.has("consumes")) {
            report.error(Rules.DOCUMENT_SHAPE, "the document has neither 'capability' nor a root 'consumes' list",
                    "a capability document needs 'capability:'; a shared consumes document needs 'consumes:'", m.pos());
        } else if (capability != null && m.has("consumes")) {
            report.leniency(Rules.DOCUMENT_SHAPE, "root 'consumes' next to 'capability' is ignored when running",
                    "move these entries under capability.consumes", m.keyPos("consumes"));
        }
        m.unknownFields();
        return new Spec(file, version, info, binds, capability, consumes, m.pos());
    }
}
