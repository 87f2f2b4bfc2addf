package naftiko.engine.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.upstream.resilience.BoundedBody;
import naftiko.engine.upstream.resilience.HostGuards;
import naftiko.engine.upstream.resilience.ResiliencePolicy;
import naftiko.engine.upstream.resilience.ResilientExchange;

/**
 * The HTTP client of one consumes namespace, on a process-wide JDK {@link HttpClient} ({@link SharedHttpClients}: connection reuse,
 * asynchronous, redirects never followed so the host is only ever the configured base URI),
 * {@code User-Agent: naftiko/<version>}, {@code X-Request-Id} forwarded, a digest challenge
 * answered once, and transport failures typed as {@link UnitFailure} kinds. Every call goes
 * through a {@link ResilientExchange} (circuit breaker and in-flight limit of the host, retries of
 * idempotent calls within the request timeout) and its body is read with a size limit
 * ({@link BoundedBody}).
 */
public final class UpstreamClient {
    /** Hop-by-hop and framing headers never relayed in an Outcome. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "content-encoding", "upgrade", "proxy-authenticate", "te", "trailer", ":status");
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final String namespace;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ResiliencePolicy policy;
    private final ResilientExchange exchange;

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
        this.requestTimeout = requestTimeout;
        HostGuards g = guards != null ? guards : new HostGuards(ResiliencePolicy.defaults());
        this.policy = g.policy();
        this.exchange = new ResilientExchange(namespace, g.forBaseUri(baseUri == null ? "namespace:" + namespace : baseUri), policy);
        this.http = SharedHttpClients.forConnectTimeout(connectTimeout);
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
        try {
            URI.create(request.url());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(invalidUrl());
        }
        return exchange.run(ResilientExchange.idempotent(request.method(), idempotentHint), requestTimeout,
                timeout -> sendOnce(request, digest, requestId, timeout));
    }

    private UnitFailure invalidUrl() {
        return new UnitFailure(UnitFailure.Kind.CONFIGURATION,
                "upstream URL of '" + namespace + "' is not valid; check its base URI (--base-uri " + namespace + "=URL)");
    }

    private CompletableFuture<UpstreamResponse> sendOnce(UpstreamRequest request, OutboundAuth.DigestCredentials digest,
                                                         String requestId, Duration timeout) {
        HttpRequest first;
        try {
            first = toHttp(request, requestId, null, timeout);
        } catch (IllegalArgumentException e) {
            // the URL was checked in send(): a header name or value is not valid HTTP (e.g. a line break)
            return CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.BAD_INPUT,
                    "a header of the request to '" + namespace + "' is not valid HTTP (line break or control character)"));
        }
        HttpResponse.BodyHandler<byte[]> body = BoundedBody.handler(policy.maxResponseBytes(), this::tooLarge);
        CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(first, body);
        if (digest != null) {
            f = f.thenCompose(resp -> {
                if (resp.statusCode() != 401) return CompletableFuture.completedFuture(resp);
                DigestChallenge challenge = resp.headers().allValues("www-authenticate").stream()
                        .map(DigestChallenge::parse).filter(c -> c != null).findFirst().orElse(null);
                if (challenge == null) return CompletableFuture.completedFuture(resp);
                String answer = challenge.answer(request.method(), first.uri(), digest.username(), digest.password());
                return http.sendAsync(toHttp(request, requestId, answer, timeout), body);
            });
        }
        return f.handle((resp, error) -> {
            if (error != null) throw failure(error);
            return toResponse(resp);
        });
    }

    private UnitFailure tooLarge() {
        return new UnitFailure(UnitFailure.Kind.UPSTREAM_TOO_LARGE, "upstream '" + namespace + "' answered a body larger than "
                + policy.maxResponseBytes() + " bytes, the response size limit (NAFTIKO_UPSTREAM_MAX_RESPONSE_BYTES)");
    }

    private HttpRequest toHttp(UpstreamRequest r, String requestId, String authorization, Duration timeout) {
        URI uri = URI.create(r.url());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
        // plain http: no h2c upgrade attempt (extra Upgrade headers confuse some servers); https negotiates h2 by ALPN
        if ("http".equalsIgnoreCase(uri.getScheme())) b.version(HttpClient.Version.HTTP_1_1);
        b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        // A User-Agent the file sets (a header parameter) wins over ours; never send two.
        if (r.headers().keySet().stream().noneMatch("user-agent"::equalsIgnoreCase)) {
            b.setHeader("User-Agent", "naftiko/" + EngineVersion.current());
        }
        if (requestId != null && !requestId.isBlank()) b.setHeader("X-Request-Id", requestId);
        r.headers().forEach((name, values) -> {
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) return;
            for (String v : values) b.header(name, v);
        });
        if (authorization != null) b.setHeader("Authorization", authorization);
        return b.build();
    }

    private static UpstreamResponse toResponse(HttpResponse<byte[]> resp) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        resp.headers().map().forEach((k, v) -> {
            String n = k.toLowerCase(Locale.ROOT);
            if (!NOT_RELAYED.contains(n)) headers.put(n, List.copyOf(v));
        });
        String contentType = resp.headers().firstValue("content-type").orElse(null);
        return new UpstreamResponse(resp.statusCode(), headers, resp.body() == null ? new byte[0] : resp.body(), contentType);
    }

    private UnitFailure failure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnitFailure u) return u;
        }
        Throwable c = error;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        String ns = "upstream '" + namespace + "'";
        if (c instanceof HttpConnectTimeoutException) {
            return new UnitFailure(UnitFailure.Kind.UPSTREAM_TIMEOUT, ns + " did not accept the connection in time", List.of(), c);
        }
        if (c instanceof HttpTimeoutException) {
            return new UnitFailure(UnitFailure.Kind.UPSTREAM_TIMEOUT, ns + " did not answer within " + requestTimeout.toMillis() + " ms", List.of(), c);
        }
        if (c instanceof ConnectException || c instanceof UnresolvedAddressException
                || c instanceof java.net.UnknownHostException || c instanceof java.nio.channels.ClosedChannelException && c.getMessage() == null) {
            return new UnitFailure(UnitFailure.Kind.UPSTREAM_UNREACHABLE, ns + " is unreachable", List.of(), c);
        }
        if (c instanceof SSLException) {
            return new UnitFailure(UnitFailure.Kind.UPSTREAM_TLS, ns + ": TLS handshake failed", List.of(), c);
        }
        if (c instanceof IOException) {
            return new UnitFailure(UnitFailure.Kind.UPSTREAM_PROTOCOL, ns + " broke the HTTP exchange", List.of(), c);
        }
        if (c instanceof IllegalArgumentException) {
            return new UnitFailure(UnitFailure.Kind.CONFIGURATION, ns + ": invalid request (" + c.getMessage() + ")", List.of(), c);
        }
        return new UnitFailure(UnitFailure.Kind.INTERNAL, ns + ": unexpected failure", List.of(), c);
    }
}
