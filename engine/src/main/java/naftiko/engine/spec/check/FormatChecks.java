package naftiko.engine.spec.check;

import java.nio.file.Path;
import java.util.List;
import naftiko.engine.shape.format.FormatDecoder;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.Consumes;
import naftiko.engine.spec.model.Spec;

/**
 * Format settings that can never decode an upstream body (avro without a readable schema,
 * protobuf, an invalid html selector), asked of the decoders themselves. A warning: the document
 * is schema-valid and every other unit still runs; calls of that operation fail with the reason.
 */
final class FormatChecks {
    private FormatChecks() {}

    static void run(Spec spec, Report report) {
        List<Consumes> all = spec.isCapability() ? spec.capability().consumes() : spec.consumes();
        for (Consumes c : all) {
            for (var r : c.resources()) {
                for (var o : r.operations()) {
                    if (o.outputRawFormat() == null || !FormatDecoder.FORMATS.contains(o.outputRawFormat())) continue;
                    Path file = o.pos() == null ? null : o.pos().file();
                    Path dir = file == null ? null : file.toAbsolutePath().getParent();
                    FormatDecoder.check(o.outputRawFormat(), o.outputSchema(), dir).ifPresent(why -> report.warning(
                            Rules.OUTPUT_FORMAT_UNUSABLE, "consumed operation '" + o.name() + "' (outputRawFormat " + o.outputRawFormat()
                                    + "): " + why, "calls of this operation will fail until this is fixed", o.pos()));
                }
            }
        }
    }
}
