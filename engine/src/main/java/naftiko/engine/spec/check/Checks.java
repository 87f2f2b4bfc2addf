package naftiko.engine.spec.check;

import java.util.List;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.Spec;

/** Every check beyond shape, run over the normalised model; problems are collected, never thrown. */
public final class Checks {
    private Checks() {}

    public static void run(Spec spec, Report report) {
        Catalog catalog = new Catalog(spec);
        List<UnitView> units = UnitView.of(spec.capability());
        Scope scope = new Scope(spec);
        UniquenessChecks.run(spec, report);
        ReferenceChecks.run(spec, catalog, units, report);
        ToolNameChecks.run(spec, report);
        InputNameChecks.run(units, report);
        PlaceholderChecks.run(catalog, units, scope, report);
        TemplateChecks.run(spec, units, scope, report);
        if (spec.isCapability() && spec.capability().exposes().isEmpty()) {
            report.warning(Rules.NO_EXPOSES, "the capability exposes nothing, so 'naftiko run' has nothing to serve",
                    "add a rest or mcp adapter under capability.exposes", spec.capability().pos());
        }
    }
}
