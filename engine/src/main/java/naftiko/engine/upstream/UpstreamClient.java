package naftiko.engine.upstream;

import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.upstream.resilience.HostGuards;
import naftiko.engine.upstream.resilience.ResiliencePolicy;
import naftiko.engine.upstream.resilience.ResilientExchange;
import naftiko.engine.upstream.transport.HttpTransport;
import naftiko.engine.upstream.transport.TransportFailure;

/**
 * The HTTP client of one consumes namespace, on the engine's HTTP/1.1 transport ({@link HttpTransport}:
 * keep-alive connections per I/O thread, asynchronous, redirects never followed so the host is only
 * ever the configured base URI), {@code User-Agent: naftiko/<version>}, {@code X-Request-Id}
 * forwarded, a digest challenge answered once, and transport failures typed as {@link UnitFailure}
 * kinds. Every call goes through a {@link ResilientExchange} (circuit breaker and in-flight limit of
 * the host, retries of idempotent calls within the request timeout) and its body is read with a size
 * limit.
 */
public final class UpstreamClient {
    /** Hop-by-hop and framing headers never relayed in an Outcome. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "content-encoding", "upgrade", "proxy-authenticate", "te", "trailer", ":status");
    /** Set by the transport from the request itself; a file's value would break the framing. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding");
    private static final String USER_AGENT = "naftiko/" + EngineVersion.current();
    private static final HttpString X_REQUEST_ID = new HttpString("X-Request-Id");

    private final String namespace;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final ResiliencePolicy policy;
    private final ResilientExchange exchange;
    private final UpstreamUrl url = new UpstreamUrl();

    /** Default response size limit: {@link ResiliencePolicy#DEFAULT_MAX_RESPONSE_BYTES} (10 MiB). */
    public static final long MAX_RESPONSE_BYTES = ResiliencePolicy.DEFAULT_MAX_RESPONSE_BYTES;

    public UpstreamClient(String namespace, Duration connectTimeout, Duration requestTimeout) {
        this(namespace, connectTimeout, requestTimeout, null, null);
    }

    /** Default policy except the response size limit. */
    public UpstreamClient(String namespace, Duration connectTimeout, Duration requestTimeout, long maxResponseBytes) {
        this(namespace, connectTimeout, requestTimeout, null, new HostGuards(withMaxResponse(maxResponseBytes)));
    }

    private static ResiliencePolicy withMaxResponse(long max) {
        ResiliencePolicy d = ResiliencePolicy.defaults();
        return new ResiliencePolicy(d.maxRetries(), d.baseBackoff(), d.maxBackoff(), d.failureThreshold(), d.openCooldown(),
                d.maxInFlight(), max);
    }

    /**
     * @param baseUri the namespace's base URI: its host picks the shared guard in {@code guards};
     *                without guards (or base URI) the client gets a guard of its own with default policy
     */
    public UpstreamClient(String namespace, Duration connectTimeout, Duration requestTimeout, String baseUri, HostGuards guards) {
        this.namespace = namespace;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        HostGuards g = guards != null ? guards : new HostGuards(ResiliencePolicy.defaults());
        this.policy = g.policy();
        this.exchange = new ResilientExchange(namespace, g.forBaseUri(baseUri == null ? "namespace:" + namespace : baseUri), policy);
    }

    public String namespace() {
        return namespace;
    }

    public CompletableFuture<UpstreamResponse> send(UpstreamRequest request, OutboundAuth.DigestCredentials digest, String requestId) {
        return send(request, digest, requestId, false);
    }

    /** As {@link #send(UpstreamRequest, OutboundAuth.DigestCredentials, String)}; {@code idempotentHint} allows retries of any method. */
    public CompletableFuture<UpstreamResponse> send(UpstreamRequest request, OutboundAuth.DigestCredentials digest, String requestId,
                                                    boolean idempotentHint) {
        UpstreamUrl.Split uri;
        try {
            uri = url.split(request.url());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(invalidUrl());
        }
        HeaderMap headers;
        try {
            headers = headers(request, requestId);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.BAD_INPUT,
                    "a header of the request to '" + namespace + "' is not valid HTTP (line break or control character)"));
        }
        boolean idempotent = ResilientExchange.idempotent(request.method(), idempotentHint);
        return exchange.run(idempotent, requestTimeout, timeout -> sendOnce(request, uri, headers, digest, idempotent, timeout));
    }

    private UnitFailure invalidUrl() {
        return new UnitFailure(UnitFailure.Kind.CONFIGURATION,
                "upstream URL of '" + namespace + "' is not valid; check its base URI (--base-uri " + namespace + "=URL)");
    }

    private CompletableFuture<UpstreamResponse> sendOnce(UpstreamRequest request, UpstreamUrl.Split uri, HeaderMap headers,
                                                         OutboundAuth.DigestCredentials digest, boolean idempotent, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<HttpTransport.Reply> f = transport(request, uri, headers, idempotent, timeout);
        if (digest != null) {
            f = f.thenCompose(reply -> {
                if (reply.status() != 401) return CompletableFuture.completedFuture(reply);
                DigestChallenge challenge = challenge(reply.headers());
                long left = deadline - System.nanoTime();
                if (challenge == null || left <= 0) return CompletableFuture.completedFuture(reply);
                HeaderMap answered = copy(headers);
                answered.put(Headers.AUTHORIZATION,
                        challenge.answer(request.method(), URI.create(request.url()), digest.username(), digest.password()));
                return transport(request, uri, answered, idempotent, Duration.ofNanos(left));
            });
        }
        return f.handle((reply, error) -> {
            if (error != null) throw failure(error);
            return toResponse(reply);
        });
    }

    private CompletableFuture<HttpTransport.Reply> transport(UpstreamRequest request, UpstreamUrl.Split uri, HeaderMap headers,
                                                             boolean idempotent, Duration timeout) {
        return HttpTransport.send(request.method(), uri.origin(), uri.target(), headers, request.body(), idempotent,
                policy.maxResponseBytes(), connectTimeout, timeout);
    }

    private static DigestChallenge challenge(HeaderMap headers) {
        HeaderValues values = headers.get(Headers.WWW_AUTHENTICATE);
        if (values == null) return null;
        for (String v : values) {
            DigestChallenge c = DigestChallenge.parse(v);
            if (c != null) return c;
        }
        return null;
    }

    /** The headers as sent; throws IllegalArgumentException for a name or value that is not valid HTTP. */
    private static HeaderMap headers(UpstreamRequest r, String requestId) {
        HeaderMap h = new HeaderMap();
        boolean userAgent = false;
        for (Map.Entry<String, List<String>> e : r.headers().entrySet()) {
            String name = e.getKey();
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) continue;
            HttpString n = Headers.fromCache(name); // the well-known names, without building a new HttpString
            if (n == null) n = new HttpString(HeaderText.checkName(name));
            for (String v : e.getValue()) h.add(n, HeaderText.checkValue(v));
            // A User-Agent the file sets (a header parameter) wins over ours; never send two.
            userAgent |= n.equals(Headers.USER_AGENT);
        }
        if (!userAgent) h.put(Headers.USER_AGENT, USER_AGENT);
        if (requestId != null && !requestId.isBlank()) h.put(X_REQUEST_ID, HeaderText.checkValue(requestId));
        if (r.body() != null) h.put(Headers.CONTENT_LENGTH, r.body().length);
        return h;
    }

    private static HeaderMap copy(HeaderMap headers) {
        HeaderMap c = new HeaderMap();
        for (long i = headers.fastIterateNonEmpty(); i != -1L; i = headers.fiNextNonEmpty(i)) {
            HeaderValues v = headers.fiCurrent(i);
            c.addAll(v.getHeaderName(), v);
        }
        return c;
    }

    private static UpstreamResponse toResponse(HttpTransport.Reply reply) {
        // sorted by name, as relayed before (lower-cased names sort the same either way)
        Map<String, List<String>> headers = new TreeMap<>();
        String contentType = null;
        HeaderMap received = reply.headers();
        for (long c = received.fastIterateNonEmpty(); c != -1L; c = received.fiNextNonEmpty(c)) {
            HeaderValues v = received.fiCurrent(c);
            String n = v.getHeaderName().toString().toLowerCase(Locale.ROOT);
            if (n.equals("content-type")) contentType = v.getFirst();
            if (!NOT_RELAYED.contains(n)) headers.put(n, List.copyOf(v));
        }
        return new UpstreamResponse(reply.status(), headers, reply.body(), contentType);
    }

    private UnitFailure tooLarge() {
        return new UnitFailure(UnitFailure.Kind.UPSTREAM_TOO_LARGE, "upstream '" + namespace + "' answered a body larger than "
                + policy.maxResponseBytes() + " bytes, the response size limit (NAFTIKO_UPSTREAM_MAX_RESPONSE_BYTES)");
    }

    private UnitFailure failure(Throwable error) {
        Throwable c = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnitFailure u) return u;
            if (t instanceof TransportFailure || t instanceof IllegalArgumentException) {
                c = t;
                break;
            }
        }
        String ns = "upstream '" + namespace + "'";
        if (c instanceof TransportFailure t) {
            return switch (t.reason()) {
                case CONNECT_TIMEOUT -> new UnitFailure(UnitFailure.Kind.UPSTREAM_TIMEOUT, ns + " did not accept the connection in time",
                        List.of(), t);
                case TIMEOUT -> new UnitFailure(UnitFailure.Kind.UPSTREAM_TIMEOUT,
                        ns + " did not answer within " + requestTimeout.toMillis() + " ms", List.of(), t);
                case UNREACHABLE -> new UnitFailure(UnitFailure.Kind.UPSTREAM_UNREACHABLE, ns + " is unreachable", List.of(), t);
                case TLS -> new UnitFailure(UnitFailure.Kind.UPSTREAM_TLS, ns + ": TLS handshake failed", List.of(), t);
                case PROTOCOL -> new UnitFailure(UnitFailure.Kind.UPSTREAM_PROTOCOL, ns + " broke the HTTP exchange", List.of(), t);
                case TOO_LARGE -> tooLarge();
            };
        }
        if (c instanceof IllegalArgumentException) {
            return new UnitFailure(UnitFailure.Kind.CONFIGURATION, ns + ": invalid request (" + c.getMessage() + ")", List.of(), c);
        }
        return new UnitFailure(UnitFailure.Kind.INTERNAL, ns + ": unexpected failure", List.of(), c);
    }
}
