package naftiko.engine.spec.check;

import naftiko.engine.spec.Report;
import naftiko.engine.spec.model.Spec;

/** Every check beyond shape, run over the normalised model; problems are collected, never thrown. */
public final class Checks {
    private Checks() {}

    public static void run(Spec spec, Report report) {
    }
}
