package naftiko.engine.spec.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded, normalised Naftiko document (root object, SPEC.md §2.1).
 * Either a capability document ({@code capability} set) or a shared consumes document
 * ({@code consumes} set, used only as an import target).
 */
public record Spec(
        Path file,
        String naftiko,
        Info info,
        List<Bind> binds,
        CapabilityBlock capability,
        List<Consumes> consumes,
        SourcePos pos) {

    public boolean isCapability() {
        return capability != null;
    }
}
