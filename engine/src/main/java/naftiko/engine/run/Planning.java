package naftiko.engine.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import naftiko.engine.bind.BindValues;
import naftiko.engine.expr.MissingVariableException;
import naftiko.engine.expr.Template;
import naftiko.engine.spec.model.Aggregate;
import naftiko.engine.spec.model.ConsumedOperation;
import naftiko.engine.spec.model.ConsumedResource;
import naftiko.engine.spec.model.Consumes;
import naftiko.engine.spec.model.SourcePos;
import naftiko.engine.spec.model.Spec;
import naftiko.engine.upstream.RequestTemplate;
import naftiko.engine.upstream.UpstreamClient;
import naftiko.engine.upstream.resilience.HostGuards;
import naftiko.engine.upstream.resilience.NamespaceTimeouts;
import naftiko.engine.upstream.resilience.ResiliencePolicy;
import naftiko.engine.observe.RequestProbe;

/**
 * Plan-time state of one capability: resolved binds, the base URI and client of every consumes
 * namespace, every consumed operation compiled once as a {@link CallTarget}, aggregate functions.
 */
final class Planning {
    private final Spec spec;
    private final EngineOptions options;
    private final BindValues binds;
    private final Path baseDir;
    private final Map<String, CallTarget> targets = new HashMap<>();
    private final Map<String, Aggregate.Function> functions = new HashMap<>();
    private final Map<String, String> baseUris = new HashMap<>();
    private final Map<String, Consumes> consumesByNamespace = new HashMap<>();
    private final Map<String, UpstreamClient> clients = new HashMap<>();

    Planning(Spec spec, EngineOptions options, BindValues binds) {
        this.spec = spec;
        this.options = options;
        this.binds = binds;
        Path file = spec.file() == null ? null : spec.file().toAbsolutePath();
        this.baseDir = file == null || file.getParent() == null ? Path.of("").toAbsolutePath() : file.getParent();
        List<Consumes> consumes = spec.capability() == null || spec.capability().consumes() == null
                ? List.of() : spec.capability().consumes();
        HostGuards guards = new HostGuards(ResiliencePolicy.fromEnvironment(options.environment()));
        for (Consumes c : consumes) {
            String base = baseUri(c);
            baseUris.put(c.namespace(), base);
            consumesByNamespace.put(c.namespace(), c);
            NamespaceTimeouts timeouts = NamespaceTimeouts.of(c.namespace(), options.environment(),
                    options.connectTimeout(), options.requestTimeout());
            UpstreamClient client = options.dryRun() ? null
                    : new UpstreamClient(c.namespace(), timeouts.connect(), timeouts.request(), base, guards);
            clients.put(c.namespace(), client);
            for (ConsumedResource r : c.resources() == null ? List.<ConsumedResource>of() : c.resources()) {
                for (ConsumedOperation op : r.operations() == null ? List.<ConsumedOperation>of() : r.operations()) {
                    RequestTemplate t = RequestTemplate.compile(base, c, r, op);
                    targets.put(c.namespace() + "." + op.name(), new CallTarget(c.namespace(), op, t, client, binds, baseDir,
                            probe(c.namespace(), op.name())));
                }
            }
        }
        if (spec.capability() != null && spec.capability().aggregates() != null) {
            for (Aggregate a : spec.capability().aggregates()) {
                for (Aggregate.Function f : a.functions()) functions.put(a.namespace() + "." + f.name(), f);
            }
        }
    }

    /** The upstream probe of one consumed operation, resolved once here (none in dry-run: nothing is sent). */
    RequestProbe probe(String namespace, String operation) {
        if (options.dryRun()) return RequestProbe.NONE;
        return options.metrics().upstream(CapabilityPlanner.name(spec), namespace, operation);
    }

    BindValues binds() {
        return binds;
    }

    boolean dryRun() {
        return options.dryRun();
    }

    Path baseDir() {
        return baseDir;
    }

    Map<String, String> baseUris() {
        return baseUris;
    }

    CallTarget target(String call, SourcePos pos) {
        CallTarget t = call == null ? null : targets.get(call);
        if (t == null) {
            throw new PlanException(pos + ": call '" + call + "' names no consumed operation; write namespace.operation"
                    + " with a namespace and operation from consumes");
        }
        return t;
    }

    Aggregate.Function function(String ref, SourcePos pos) {
        Aggregate.Function f = ref == null ? null : functions.get(ref);
        if (f == null) {
            throw new PlanException(pos + ": ref '" + ref + "' names no aggregate function; write aggregateNamespace.function");
        }
        return f;
    }

    /** Override → NAFTIKO_BASE_URI_<NS> → the file's value; one trailing slash stripped from overrides. */
    private String baseUri(Consumes c) {
        String ns = c.namespace();
        String envName = envName(ns);
        String override = options.baseUriOverrides() == null ? null : options.baseUriOverrides().get(ns);
        String source = "--base-uri " + ns;
        if (override == null || override.isBlank()) {
            override = options.environment() == null ? null : options.environment().get(envName);
            source = envName;
        }
        String value;
        if (override != null && !override.isBlank()) {
            value = override.strip();
            if (value.endsWith("/")) value = value.substring(0, value.length() - 1);
        } else {
            source = "baseUri of '" + ns + "'";
            try {
                value = c.baseUri() == null ? "" : Template.compile(c.baseUri()).render(binds.scope()).strip();
            } catch (MissingVariableException e) {
                throw new PlanException(c.pos() + ": baseUri of '" + ns + "' uses '" + e.variable()
                        + "', which no bind declares; declare it in binds or pass --base-uri " + ns + "=URL");
            }
        }
        if (value.isEmpty()) {
            if (options.dryRun()) return "<base-uri:" + ns + ">";
            throw new PlanException("no base URI for " + ns + ": pass --base-uri " + ns + "=URL or set " + envName);
        }
        try {
            URI u = URI.create(value);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            if (!options.dryRun()) {
                throw new PlanException("base URI for " + ns + " (from " + source + ") is not an http(s) URL: pass --base-uri "
                        + ns + "=http://host[:port][/path] or set " + envName);
            }
        }
        return value;
    }

    /** {@code NAFTIKO_BASE_URI_} + the namespace in UPPER_SNAKE. */
    static String envName(String namespace) {
        StringBuilder sb = new StringBuilder("NAFTIKO_BASE_URI_");
        for (char ch : namespace.toCharArray()) {
            sb.append(Character.isLetterOrDigit(ch) ? Character.toUpperCase(ch) : '_');
        }
        return sb.toString();
    }

    Consumes consumes(String namespace) {
        return consumesByNamespace.get(namespace);
    }

    UpstreamClient client(String namespace) {
        return clients.get(namespace);
    }

    Spec spec() {
        return spec;
    }

    List<String> namespaces() {
        return new ArrayList<>(baseUris.keySet());
    }
}
