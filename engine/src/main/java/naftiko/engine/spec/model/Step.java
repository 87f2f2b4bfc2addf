package naftiko.engine.spec.model;

import java.util.List;

/** An orchestration step (SPEC.md §8.1). */
public sealed interface Step permits Step.Call, Step.Lookup, Step.Script {
    String name();

    SourcePos pos();

    record Call(String name, String call, List<WithEntry> with, SourcePos pos) implements Step {}

    record Lookup(String name, String index, String match, String lookupValue,
                  List<String> outputParameters, SourcePos pos) implements Step {}

    record Script(String name, String file, String language, String location,
                  List<String> dependencies, List<WithEntry> with, SourcePos pos) implements Step {}
}
