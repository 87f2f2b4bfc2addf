package naftiko.engine.upstream.transport;

import io.undertow.client.ClientConnection;
import io.undertow.client.ClientRequest;
import io.undertow.client.ClientResponse;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Protocols;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * One call on one I/O thread: a pooled connection (or a new one), the exchange, the connection back
 * to the pool, all under one time budget (a timer on the same thread; on expiry the connection is
 * closed). A pooled connection may turn out to be closed by the upstream just as it is reused: see
 * {@link #failed} for when the call is then sent once more on a fresh connection.
 */
final class Transfer implements Exchange.Result, Connector.Done {
    private final XnioIoThread thread;
    private final Origin origin;
    private final HttpString method;
    private final String target;
    private final HeaderMap headers;
    private final byte[] body;
    private final boolean idempotent;
    private final long maxBytes;
    private final Duration connectTimeout;
    private final CompletableFuture<HttpTransport.Reply> out;
    private XnioExecutor.Key timer;
    private ClientConnection connection;
    private HandshakeWatch tls;
    private boolean reused;
    private boolean resent;
    private boolean finished;

    Transfer(XnioIoThread thread, Origin origin, HttpString method, String target, HeaderMap headers, byte[] body,
             boolean idempotent, long maxBytes, Duration connectTimeout, CompletableFuture<HttpTransport.Reply> out) {
        this.thread = thread;
        this.origin = origin;
        this.method = method;
        this.target = target;
        this.headers = headers;
        this.body = body;
        this.idempotent = idempotent;
        this.maxBytes = maxBytes;
        this.connectTimeout = connectTimeout;
        this.out = out;
    }

    /** On {@code thread}. */
    void start(long timeoutNanos) {
        timer = thread.executeAfter(this::expire, Math.max(1, timeoutNanos), TimeUnit.NANOSECONDS);
        ClientConnection pooled = ConnectionPool.ofThisThread().take(origin);
        if (pooled != null) {
            send(pooled, true);
        } else {
            Connector.open(thread, origin, connectTimeout, this);
        }
    }

    @Override
    public void connected(ClientConnection c, HandshakeWatch handshake) {
        if (finished) {
            IoUtils.safeClose(c);
            return;
        }
        tls = handshake;
        send(c, false);
    }

    private void send(ClientConnection c, boolean wasPooled) {
        connection = c;
        reused = wasPooled;
        if (wasPooled) tls = null;
        new Exchange(c, request(), body, maxBytes, this).start();
    }

    private ClientRequest request() {
        ClientRequest r = new ClientRequest().setMethod(method).setPath(target);
        r.setProtocol(Protocols.HTTP_1_1);
        HeaderMap h = r.getRequestHeaders();
        for (long c = headers.fastIterateNonEmpty(); c != -1L; c = headers.fiNextNonEmpty(c)) {
            HeaderValues v = headers.fiCurrent(c);
            h.addAll(v.getHeaderName(), v);
        }
        h.put(Headers.HOST, origin.hostHeader());
        return r;
    }

    @Override
    public void answered(ClientResponse response, byte[] bytes, boolean reusable) {
        if (finished) return;
        finished = true;
        timer.remove();
        if (reusable) ConnectionPool.ofThisThread().release(origin, connection);
        out.complete(new HttpTransport.Reply(response.getResponseCode(), response.getResponseHeaders(), bytes));
    }

    /**
     * A pooled connection can fail because the upstream closed it while it was idle, a close that
     * crossed our request on the wire (typically: our head is written, then the read sees the end
     * of the stream). Such a failure before any response byte is not the upstream's answer to this
     * call, so the call is sent once more on a fresh connection, when that is safe:
     * <ul>
     *   <li>an idempotent call (method, or the file's hint) may always be sent again;</li>
     *   <li>any other call only when Undertow refused the request before it was handed over, since
     *       then not one byte of it was written (see {@link Exchange#completed}); once handed over,
     *       the upstream may have received and acted on it, so the failure is reported.</li>
     * </ul>
     * A failure on a fresh connection, or after a response head, is always reported.
     */
    @Override
    public void failed(TransportFailure failure, boolean handedOver, boolean responseStarted) {
        if (finished) return;
        if (reused && !resent && !responseStarted && failure.reason() == TransportFailure.Reason.PROTOCOL
                && (idempotent || !handedOver)) {
            resent = true;
            Connector.open(thread, origin, connectTimeout, this);
            return;
        }
        if (tls != null && !responseStarted && failure.reason() == TransportFailure.Reason.PROTOCOL && !tls.handshakeCompleted()) {
            // Undertow reports a failed handshake (untrusted certificate, wrong host name, not TLS) as a closed connection
            failure = new TransportFailure(TransportFailure.Reason.TLS, "TLS handshake failed", failure);
        }
        finish(failure);
    }

    /** The connection could not be opened. */
    @Override
    public void failed(TransportFailure failure) {
        if (finished) return;
        finish(failure);
    }

    private void expire() {
        if (finished) return;
        finished = true; // first: the failure the close below makes the exchange report is then ignored
        IoUtils.safeClose(connection);
        out.completeExceptionally(new TransportFailure(TransportFailure.Reason.TIMEOUT, "request timeout", null));
    }

    private void finish(TransportFailure failure) {
        finished = true;
        timer.remove();
        out.completeExceptionally(failure);
    }
}
