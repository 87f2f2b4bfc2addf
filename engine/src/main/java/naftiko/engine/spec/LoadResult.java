package naftiko.engine.spec;

import java.nio.file.Path;
import java.util.List;
import naftiko.engine.spec.model.Spec;

/**
 * The outcome of loading one file: the normalised model (null when the file could not be read as a
 * Naftiko document at all) and every diagnostic found, in file order.
 */
public record LoadResult(Path file, Spec spec, List<Diagnostic> diagnostics) {

    /** Diagnostics as seen in the given mode ({@code strict} promotes leniency warnings). */
    public List<Diagnostic> diagnostics(boolean strict) {
        return strict ? diagnostics.stream().map(Diagnostic::strict).toList() : diagnostics;
    }

    public boolean hasErrors(boolean strict) {
        return spec == null || diagnostics(strict).stream().anyMatch(Diagnostic::isError);
    }
}
