package naftiko.engine.spec.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import naftiko.engine.spec.model.Bind;
import naftiko.engine.spec.model.Spec;

/** The bind variables a document declares, by plain ({@code VAR}) and qualified ({@code ns.VAR}) name. */
final class Scope {
    private final Set<String> variables = new HashSet<>();
    private final Set<String> namespaces = new HashSet<>();
    final boolean declaresBinds;

    Scope(Spec spec) {
        add(spec.binds());
        if (spec.isCapability()) add(spec.capability().binds());
        declaresBinds = !namespaces.isEmpty() || !variables.isEmpty();
    }

    private void add(List<Bind> binds) {
        for (Bind b : binds) {
            if (b.namespace() != null) namespaces.add(b.namespace());
            for (String var : b.keys().keySet()) {
                variables.add(var);
                if (b.namespace() != null) variables.add(b.namespace() + "." + var);
            }
        }
    }

    boolean isBindVariable(String name) {
        return variables.contains(name);
    }

    boolean isBindNamespace(String name) {
        return namespaces.contains(name);
    }

    Set<String> variables() {
        return variables;
    }
}
