package naftiko.engine.bind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import naftiko.engine.expr.Scope;

/**
 * Resolved bind variables: each value in scope as {@code VAR} and {@code namespace.VAR}
 * (REAL-WORLD item 14). Every value is a secret for {@link Redactor}.
 */
public final class BindValues {
    private final Map<String, JsonNode> scopeValues = new LinkedHashMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    public static BindValues empty() {
        return new BindValues();
    }

    void put(String namespace, String variable, String value) {
        TextNode node = TextNode.valueOf(value);
        scopeValues.putIfAbsent(variable, node);
        if (namespace != null) scopeValues.put(namespace + "." + variable, node);
        if (!value.isEmpty()) secrets.add(value);
    }

    /** A placeholder value (dry-run with an unset variable): in scope, but not a secret. */
    void putPlaceholder(String namespace, String variable, String placeholder) {
        TextNode node = TextNode.valueOf(placeholder);
        scopeValues.putIfAbsent(variable, node);
        if (namespace != null) scopeValues.put(namespace + "." + variable, node);
    }

    public Scope scope() {
        Map<String, JsonNode> view = Collections.unmodifiableMap(scopeValues);
        return view::get;
    }

    public Set<String> secrets() {
        return Collections.unmodifiableSet(secrets);
    }

    public Redactor redactor() {
        return new Redactor(secrets);
    }
}
