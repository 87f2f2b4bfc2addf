package naftiko.engine.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import naftiko.engine.bind.BindValues;
import naftiko.engine.expr.Scope;
import naftiko.engine.spec.model.ConsumedParameter;
import naftiko.engine.spec.model.Consumes;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.spec.model.RestResource;
import naftiko.engine.spec.model.SourcePos;
import naftiko.engine.upstream.OutboundAuth;
import naftiko.engine.upstream.PercentEncoding;
import naftiko.engine.upstream.RequestTemplate;
import naftiko.engine.upstream.UpstreamClient;
import naftiko.engine.upstream.UpstreamRequest;
import naftiko.engine.upstream.UpstreamResponse;
import naftiko.engine.observe.RequestProbe;

/**
 * A forward relay (SPEC.md §7.5): the inbound method, path remainder, query and body go to the
 * target namespace's base URI; only trusted headers are copied, then the namespace's static header
 * parameters and its authentication are applied. The response is relayed raw.
 */
final class ForwardUnit implements Unit {
    private final RequestProbe probe;
    private final String name;
    private final RestResource.Forward forward;
    private final String baseUri;
    private final Consumes consumes;
    private final UpstreamClient client;
    private final OutboundAuth auth;
    private final Set<String> trusted;
    private final BindValues binds;
    private final boolean dryRun;
    private final SourcePos pos;

    ForwardUnit(String name, RestResource.Forward forward, String baseUri, Consumes consumes, UpstreamClient client,
                BindValues binds, boolean dryRun, SourcePos pos) {
        this(name, forward, baseUri, consumes, client, binds, dryRun, pos, RequestProbe.NONE);
    }

    ForwardUnit(String name, RestResource.Forward forward, String baseUri, Consumes consumes, UpstreamClient client,
                BindValues binds, boolean dryRun, SourcePos pos, RequestProbe probe) {
        this.probe = probe == null ? RequestProbe.NONE : probe;
        this.name = name;
        this.forward = forward;
        this.baseUri = baseUri;
        this.consumes = consumes;
        this.client = client;
        this.auth = OutboundAuth.compile(consumes.authentication());
        this.trusted = forward.trustedHeaders() == null ? Set.of()
                : forward.trustedHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.binds = binds;
        this.dryRun = dryRun;
        this.pos = pos;
    }

    @Override public String name() { return name; }
    @Override public String title() { return null; }
    @Override public String description() { return "forward to " + forward.targetNamespace(); }
    @Override public ObjectNode inputSchema() { return JsonNodeFactory.instance.objectNode().put("type", "object"); }
    @Override public ObjectNode outputSchema() { return null; }
    @Override public McpTool.Hints hints() { return new McpTool.Hints(null, null, null, null); }
    @Override public SourcePos pos() { return pos; }
    @Override public String target() { return "forward " + forward.targetNamespace(); }

    @Override
    public CompletableFuture<Outcome> invoke(Arguments arguments, CallContext context) {
        InboundRequest in = arguments.request();
        if (in == null) {
            return CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.BAD_INPUT, "a forward relay needs an HTTP request"));
        }
        StringBuilder path = new StringBuilder();
        String remainder = in.pathRemainder() == null ? "" : in.pathRemainder();
        for (String seg : remainder.split("/")) {
            if (seg.isEmpty()) continue;
            String decoded = java.net.URLDecoder.decode(seg.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            path.append('/').append(PercentEncoding.segment(decoded));
        }
        if (remainder.endsWith("/") && path.length() > 0) path.append('/');
        String url = RequestTemplate.join(baseUri, path.toString());
        List<String[]> query = new ArrayList<>();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        in.headers().forEach((k, v) -> {
            if (trusted.contains(k.toLowerCase(Locale.ROOT))) headers.put(k, new ArrayList<>(v));
        });
        if (consumes.inputParameters() != null) {
            for (ConsumedParameter p : consumes.inputParameters()) {
                if ("header".equalsIgnoreCase(p.in()) && p.value() != null) {
                    headers.put(p.name(), new ArrayList<>(List.of(naftiko.engine.expr.Template.compile(p.value()).render(binds.scope()))));
                }
            }
        }
        if (in.contentType() != null && in.body().length > 0) headers.put("Content-Type", new ArrayList<>(List.of(in.contentType())));
        Scope scope = binds.scope();
        try {
            auth.apply(scope, headers, query);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.CONFIGURATION,
                    "authentication of '" + forward.targetNamespace() + "' has no value; declare it in binds"));
        }
        StringBuilder full = new StringBuilder(url);
        if (in.rawQuery() != null && !in.rawQuery().isEmpty()) full.append('?').append(in.rawQuery());
        for (String[] q : query) {
            full.append(full.indexOf("?") >= 0 ? '&' : '?').append(PercentEncoding.query(q[0])).append('=').append(PercentEncoding.query(q[1]));
        }
        UpstreamRequest req = new UpstreamRequest(in.method(), full.toString(), headers,
                in.body().length == 0 ? null : in.body(), in.contentType());
        if (dryRun) {
            return CompletableFuture.completedFuture(Outcome.json(200, DryRunReport.describe(req, binds.redactor(),
                    auth.credentialHeaders(scope), context == null ? null : context.requestId())));
        }
        CompletableFuture<Outcome> out = new CompletableFuture<>();
        CompletableFuture<UpstreamResponse> sent = client.send(req, auth.digest(scope), context == null ? null : context.requestId());
        if (probe != RequestProbe.NONE) sent = Probed.upstream(sent, probe);
        sent.whenComplete((r, e) -> {
            if (e != null) {
                out.completeExceptionally(UnitFailure.of(e));
            } else {
                if (context != null) context.upstreamAnswered(r.status());
                Map<String, List<String>> h = new LinkedHashMap<>(r.headers());
                h.remove("content-type");
                out.complete(Outcome.raw(r.status(), r.contentType(), r.body(), h));
            }
        });
        return out;
    }
}
