package naftiko.engine.upstream.transport;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.xnio.ChannelListener;
import org.xnio.IoFuture;
import org.xnio.OptionMap;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;
import org.xnio.channels.BoundChannel;
import org.xnio.channels.ConnectedSslStreamChannel;
import org.xnio.ssl.SslConnection;
import org.xnio.ssl.XnioSsl;

/**
 * The TLS layer for one new connection, keeping hold of its TLS connection: Undertow's client
 * reports a failed handshake only as a closed connection, so whether the handshake completed is
 * read from the session when the first exchange fails ({@link #handshakeCompleted()}).
 */
final class HandshakeWatch extends XnioSsl {
    private static final String NO_SESSION_YET = "SSL_NULL_WITH_NULL_NULL";

    private final XnioSsl delegate;
    private SslConnection opened;

    HandshakeWatch(XnioSsl delegate, SSLContext context) {
        super(org.xnio.Xnio.getInstance(), context, OptionMap.EMPTY);
        this.delegate = delegate;
    }

    /** False while no handshake has completed on the watched connection (or none was opened). */
    boolean handshakeCompleted() {
        if (opened == null) return false;
        SSLSession s = opened.getSslSession();
        return s != null && !NO_SESSION_YET.equals(s.getCipherSuite());
    }

    @Override
    public IoFuture<SslConnection> openSslConnection(XnioIoThread ioThread, InetSocketAddress bindAddress, InetSocketAddress destination,
                                                     ChannelListener<? super SslConnection> openListener,
                                                     ChannelListener<? super BoundChannel> bindListener, OptionMap optionMap) {
        return delegate.openSslConnection(ioThread, bindAddress, destination, connection -> {
            opened = connection;
            @SuppressWarnings("unchecked")
            ChannelListener<SslConnection> l = (ChannelListener<SslConnection>) openListener;
            l.handleEvent(connection);
        }, bindListener, optionMap);
    }

    // Only client connections on an I/O thread are opened through this layer.

    @Override
    public IoFuture<ConnectedSslStreamChannel> connectSsl(XnioWorker worker, InetSocketAddress bindAddress, InetSocketAddress destination,
                                                          ChannelListener<? super ConnectedSslStreamChannel> openListener,
                                                          ChannelListener<? super BoundChannel> bindListener, OptionMap optionMap) {
        throw new UnsupportedOperationException();
    }

    @Override
    public IoFuture<SslConnection> openSslConnection(XnioWorker worker, InetSocketAddress bindAddress, InetSocketAddress destination,
                                                     ChannelListener<? super SslConnection> openListener,
                                                     ChannelListener<? super BoundChannel> bindListener, OptionMap optionMap) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AcceptingChannel<ConnectedSslStreamChannel> createSslTcpServer(XnioWorker worker, InetSocketAddress bindAddress,
            ChannelListener<? super AcceptingChannel<ConnectedSslStreamChannel>> acceptListener, OptionMap optionMap) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AcceptingChannel<SslConnection> createSslConnectionServer(XnioWorker worker, InetSocketAddress bindAddress,
            ChannelListener<? super AcceptingChannel<SslConnection>> acceptListener, OptionMap optionMap) {
        throw new UnsupportedOperationException();
    }
}
