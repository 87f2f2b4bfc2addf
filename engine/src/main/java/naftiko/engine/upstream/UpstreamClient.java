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

/**
 * The HTTP client of one consumes namespace: one JDK {@link HttpClient} (connection reuse,
 * asynchronous, redirects never followed so the host is only ever the configured base URI),
 * {@code User-Agent: naftiko/<version>}, {@code X-Request-Id} forwarded, a digest challenge
 * answered once, and transport failures typed as {@link UnitFailure} kinds.
 */
public final class UpstreamClient {
    /** Hop-by-hop and framing headers never relayed in an Outcome. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "content-encoding", "upgrade", "proxy-authenticate", "te", "trailer", ":status");
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** Largest upstream body kept in memory; beyond it the call fails as UPSTREAM_TOO_LARGE. */
    public static final long MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    private final String namespace;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final long maxResponseBytes;

    public UpstreamClient(String namespace, Duration connectTimeout, Duration requestTimeout) {
        this(namespace, connectTimeout, requestTimeout, MAX_RESPONSE_BYTES);
    }

    public UpstreamClient(String namespace, Duration connectTimeout, Duration requestTimeout, long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        this.namespace = namespace;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String namespace() {
        return namespace;
    }

    public CompletableFuture<UpstreamResponse> send(UpstreamRequest request, OutboundAuth.DigestCredentials digest, String requestId) {
        HttpRequest first;
        try {
            first = toHttp(request, requestId, null);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.CONFIGURATION,
                    "upstream URL of '" + namespace + "' is not valid; check its base URI (--base-uri " + namespace + "=URL)"));
        }
        CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(first, LimitedBody.handler(maxResponseBytes));
        if (digest != null) {
            f = f.thenCompose(resp -> {
                if (resp.statusCode() != 401) return CompletableFuture.completedFuture(resp);
                DigestChallenge challenge = resp.headers().allValues("www-authenticate").stream()
                        .map(DigestChallenge::parse).filter(c -> c != null).findFirst().orElse(null);
                if (challenge == null) return CompletableFuture.completedFuture(resp);
                String answer = challenge.answer(request.method(), first.uri(), digest.username(), digest.password());
                return http.sendAsync(toHttp(request, requestId, answer), LimitedBody.handler(maxResponseBytes));
            });
        }
        return f.handle((resp, error) -> {
            if (error != null) throw failure(error);
            return toResponse(resp);
        });
    }

    private HttpRequest toHttp(UpstreamRequest r, String requestId, String authorization) {
        URI uri = URI.create(r.url());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout);
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
        Throwable c = error;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof UnitFailure u) return u;
        String ns = "upstream '" + namespace + "'";
        for (Throwable t = c; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.TooLarge) {
                return new UnitFailure(UnitFailure.Kind.UPSTREAM_TOO_LARGE, ns + " answered a body larger than "
                        + maxResponseBytes + " bytes", List.of(), c);
            }
        }
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
