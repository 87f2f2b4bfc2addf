package naftiko.engine.spec.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;

/**
 * Inputs of one unit whose names differ but match once kebab/snake-normalised ({@code task-id} and
 * {@code task_id}, REAL-WORLD item 9): the runtime prefers the exact name, so the other one is
 * only reachable by its exact spelling. A warning, at the unit.
 */
final class InputNameChecks {
    private InputNameChecks() {}

    static void run(List<UnitView> units, Report report) {
        for (UnitView u : units) {
            Map<String, String> seen = new HashMap<>();
            for (String name : u.inputs()) {
                String first = seen.putIfAbsent(PlaceholderChecks.normal(name), name);
                if (first != null && !first.equals(name)) {
                    report.warning(Rules.AMBIGUOUS_INPUT_NAME, u.what() + " has inputs '" + first + "' and '" + name
                                    + "', which differ only by case or '-' vs '_'",
                            "references by the other spelling resolve to the exact name first; rename one", u.pos());
                }
            }
        }
    }
}
