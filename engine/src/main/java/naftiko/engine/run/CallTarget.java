package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.bind.BindValues;
import naftiko.engine.expr.Scope;
import naftiko.engine.observe.RequestProbe;
import naftiko.engine.spec.model.ConsumedOperation;
import naftiko.engine.upstream.OutboundAuth;
import naftiko.engine.upstream.RequestTemplate;
import naftiko.engine.upstream.UpstreamClient;
import naftiko.engine.upstream.UpstreamRequest;
import naftiko.engine.upstream.UpstreamResponse;

/**
 * A consumed operation ready to call ({@code call: namespace.operation}): its compiled request
 * template and its namespace's client. Shared by every unit and step that calls it.
 */
final class CallTarget {
    private final String namespace;
    private final ConsumedOperation operation;
    private final RequestTemplate template;
    private final UpstreamClient client;
    private final BindValues binds;
    private final Path baseDir;
    private final RequestProbe probe;
    private final Map<String, naftiko.engine.expr.JsonPathExpr> outputs = new java.util.LinkedHashMap<>();

    CallTarget(String namespace, ConsumedOperation operation, RequestTemplate template, UpstreamClient client,
               BindValues binds, Path baseDir) {
        this(namespace, operation, template, client, binds, baseDir, RequestProbe.NONE);
    }

    CallTarget(String namespace, ConsumedOperation operation, RequestTemplate template, UpstreamClient client,
               BindValues binds, Path baseDir, RequestProbe probe) {
        this.probe = probe == null ? RequestProbe.NONE : probe;
        this.namespace = namespace;
        this.operation = operation;
        this.template = template;
        this.client = client;
        this.binds = binds;
        this.baseDir = baseDir;
        if (operation.outputParameters() != null) {
            for (naftiko.engine.spec.model.ConsumedOutput o : operation.outputParameters()) {
                if (o.name() != null && o.value() != null && o.value().startsWith("$")) {
                    try {
                        outputs.put(o.name(), naftiko.engine.expr.JsonPathExpr.compile(o.value()));
                    } catch (IllegalArgumentException e) {
                        throw new PlanException(o.pos() + ": output '" + o.name() + "' of " + namespace + "." + operation.name()
                                + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    /** The consumed operation's named JsonPath outputs (SPEC.md §5.6), compiled once. */
    Map<String, naftiko.engine.expr.JsonPathExpr> outputs() {
        return outputs;
    }

    String name() {
        return namespace + "." + operation.name();
    }

    String namespace() {
        return namespace;
    }

    ConsumedOperation operation() {
        return operation;
    }

    RequestTemplate template() {
        return template;
    }

    Path baseDir() {
        return baseDir;
    }

    /** Where a REST call mirrors the input feeding consumed parameter {@code key} (REAL-WORLD item 8). */
    String locationOf(String key) {
        RequestTemplate.Param p = template.parameter(key);
        if (p == null) return template.pathVariables().contains(key) ? "path" : null;
        if (p.in().equals("body")) {
            long bodies = template.parameters().stream().filter(q -> q.in().equals("body")).count();
            return bodies == 1 ? "body" : "body-field";
        }
        return p.in();
    }

    UpstreamRequest build(Map<String, JsonNode> params) {
        return template.build(params, binds.scope());
    }

    CompletableFuture<UpstreamResponse> send(UpstreamRequest request, Map<String, JsonNode> params, CallContext context) {
        return send(request, params, context, false);
    }

    /** {@code idempotentHint}: the calling unit is hinted idempotent, so any method may be retried. */
    CompletableFuture<UpstreamResponse> send(UpstreamRequest request, Map<String, JsonNode> params, CallContext context,
                                             boolean idempotentHint) {
        OutboundAuth.DigestCredentials digest;
        try {
            digest = template.auth().digest(Scope.of(params).then(binds.scope()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.CONFIGURATION,
                    "digest credentials of '" + namespace + "' have no value; declare them in binds"));
        }
        CompletableFuture<UpstreamResponse> sent = client.send(request, digest, context == null ? null : context.requestId(),
                idempotentHint);
        if (probe != RequestProbe.NONE) sent = Probed.upstream(sent, probe);
        if (context == null || context.upstream() == null) return sent;
        return sent.whenComplete((r, e) -> {
            if (r != null) context.upstreamAnswered(r.status());
        });
    }

    java.util.List<String> credentialHeaders(Map<String, JsonNode> params) {
        try {
            return template.auth().credentialHeaders(Scope.of(params).then(binds.scope()));
        } catch (RuntimeException e) {
            return java.util.List.of();
        }
    }
}
