package naftiko.engine.upstream.transport;

import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.UndertowClient;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * Opens one HTTP/1.1 connection on a given I/O thread, within the connect timeout. A host name is
 * looked up first on the blocking pool (and the TLS context loaded there for the first https
 * origin), so that Undertow's own lookup on the I/O thread finds the JVM's name cache warm and the
 * I/O thread never waits on DNS. Every outcome is reported exactly once, on the I/O thread.
 */
final class Connector implements ClientCallback<ClientConnection> {
    interface Done {
        /** {@code tls}: the TLS layer of an https connection (null for http), to tell a failed handshake. */
        void connected(ClientConnection connection, HandshakeWatch tls);

        void failed(TransportFailure failure);
    }

    private static final OptionMap OPTIONS = OptionMap.create(Options.TCP_NODELAY, true);
    private static final ByteBufferPool BUFFERS = new DefaultByteBufferPool(true, 16 * 1024);

    private final XnioIoThread thread;
    private final Origin origin;
    private final Done done;
    private XnioExecutor.Key timer;
    private HandshakeWatch tls;
    private boolean settled;

    private Connector(XnioIoThread thread, Origin origin, Done done) {
        this.thread = thread;
        this.origin = origin;
        this.done = done;
    }

    /** Must be called on {@code thread}. */
    static void open(XnioIoThread thread, Origin origin, Duration connectTimeout, Done done) {
        Connector c = new Connector(thread, origin, done);
        c.timer = thread.executeAfter(c::expire, Math.max(1, connectTimeout.toMillis()), TimeUnit.MILLISECONDS);
        if (origin.isAddressLiteral() && (!origin.https() || Tls.ready())) {
            c.connect();
        } else {
            IoThreads.blocking().execute(c::prepare);
        }
    }

    /** Off the I/O thread: name lookup (warms the JVM cache) and TLS context; then back to the I/O thread. */
    private void prepare() {
        Throwable failure = null;
        try {
            if (!origin.isAddressLiteral()) InetAddress.getByName(origin.lookupHost());
            if (origin.https()) Tls.ssl();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        Throwable f = failure;
        thread.execute(() -> {
            if (f == null) connect();
            else failed(f instanceof IOException io ? io : new IOException(f.getMessage(), f));
        });
    }

    private void connect() {
        if (settled) return;
        try {
            tls = origin.https() ? Tls.watched() : null;
            UndertowClient.getInstance().connect(this, null, origin.connectUri(), thread, tls, BUFFERS, OPTIONS);
        } catch (RuntimeException e) {
            // e.g. an address that became unresolvable between the lookup and the connect
            failed(new IOException(e.getMessage(), e));
        }
    }

    private void expire() {
        if (settled) return;
        settled = true;
        done.failed(new TransportFailure(TransportFailure.Reason.CONNECT_TIMEOUT, "connect timeout", null));
    }

    @Override
    public void completed(ClientConnection connection) {
        if (settled) {
            // timed out (or failed) meanwhile; Undertow may also report a handshake start failure twice
            IoUtils.safeClose(connection);
            return;
        }
        settled = true;
        timer.remove();
        done.connected(connection, tls);
    }

    @Override
    public void failed(IOException e) {
        if (settled) return;
        settled = true;
        timer.remove();
        done.failed(TransportFailure.ofConnect(e));
    }
}
