package naftiko.engine.upstream.transport;

import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.ClientExchange;
import io.undertow.client.ClientRequest;
import io.undertow.client.ClientResponse;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.Protocols;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * One request and its response on one connection, all on the connection's I/O thread: the request
 * head and body are written without blocking, the response head checked against the size limit,
 * the body read by a {@link BodyReader}. Reports exactly once, telling on failure how far it got
 * (so that the caller knows whether retrying on a fresh connection is safe).
 */
final class Exchange implements ClientCallback<ClientExchange> {
    interface Result {
        /** {@code reusable}: the connection is idle again and may carry another request. */
        void answered(ClientResponse response, byte[] body, boolean reusable);

        /**
         * @param handedOver      Undertow accepted the request and may have written some of it
         * @param responseStarted a response head was received
         */
        void failed(TransportFailure failure, boolean handedOver, boolean responseStarted);
    }

    private final ClientConnection connection;
    private final ClientRequest request;
    private final byte[] body;
    private final long maxBytes;
    private final Result result;
    private boolean handedOver;
    private boolean requestDone;
    private boolean responseStarted;
    private boolean finished;

    Exchange(ClientConnection connection, ClientRequest request, byte[] body, long maxBytes, Result result) {
        this.connection = connection;
        this.request = request;
        this.body = body;
        this.maxBytes = maxBytes;
        this.result = result;
    }

    void start() {
        try {
            connection.sendRequest(request, this);
        } catch (RuntimeException e) {
            fail(TransportFailure.ofExchange(e));
        }
    }

    /**
     * Undertow calls this once the connection has taken the request, before anything of it is
     * written: the head goes out with the first write or flush of the request channel. A failure
     * reported before this call therefore means that no byte of the request reached the upstream.
     */
    @Override
    public void completed(ClientExchange exchange) {
        handedOver = true;
        exchange.setResponseListener(new ResponseHead());
        if (body == null || body.length == 0) {
            requestDone = true; // Undertow writes and flushes a request without content itself
        } else {
            StreamSinkChannel sink = exchange.getRequestChannel();
            BodyWriter writer = new BodyWriter(ByteBuffer.wrap(body));
            sink.getWriteSetter().set(writer);
            writer.handleEvent(sink);
        }
    }

    @Override
    public void failed(IOException e) {
        fail(TransportFailure.ofExchange(e));
    }

    private void fail(TransportFailure failure) {
        if (finished) return;
        finished = true;
        IoUtils.safeClose(connection);
        result.failed(failure, handedOver, responseStarted);
    }

    /** Writes the body, then ends and flushes the request; resumes on write readiness when the socket is full. */
    private final class BodyWriter implements ChannelListener<StreamSinkChannel> {
        private final ByteBuffer remaining;
        private boolean shut;

        BodyWriter(ByteBuffer remaining) {
            this.remaining = remaining;
        }

        @Override
        public void handleEvent(StreamSinkChannel sink) {
            try {
                while (remaining.hasRemaining()) {
                    if (sink.write(remaining) == 0) {
                        sink.resumeWrites();
                        return;
                    }
                }
                if (!shut) {
                    shut = true;
                    sink.shutdownWrites();
                }
                if (!sink.flush()) {
                    sink.resumeWrites();
                    return;
                }
                sink.suspendWrites();
                sink.getWriteSetter().set(null);
                requestDone = true;
            } catch (IOException | RuntimeException e) {
                fail(TransportFailure.ofExchange(e));
            }
        }
    }

    /** The response head: refuse a declared body over the limit, else read the body. */
    private final class ResponseHead implements ClientCallback<ClientExchange> {
        @Override
        public void completed(ClientExchange exchange) {
            responseStarted = true;
            ClientResponse response = exchange.getResponse();
            long declared = declaredLength(response);
            if (declared > maxBytes) {
                fail(new TransportFailure(TransportFailure.Reason.TOO_LARGE, "declared body over the limit", null));
                return;
            }
            new BodyReader(declared, maxBytes, new BodyReader.Done() {
                @Override
                public void read(byte[] bytes) {
                    answered(response, bytes);
                }

                @Override
                public void failed(TransportFailure failure) {
                    fail(failure);
                }
            }).start(exchange.getResponseChannel());
        }

        @Override
        public void failed(IOException e) {
            fail(TransportFailure.ofExchange(e));
        }
    }

    private void answered(ClientResponse response, byte[] bytes) {
        if (finished) return;
        finished = true;
        boolean reusable = requestDone && connection.isOpen() && keepsAlive(response);
        if (!reusable) IoUtils.safeClose(connection);
        result.answered(response, bytes, reusable);
    }

    /** The declared body length, -1 when unknown; 0 when the response has no body (HEAD, 204, 304). */
    private long declaredLength(ClientResponse response) {
        int status = response.getResponseCode();
        if (request.getMethod().equals(Methods.HEAD) || status == 204 || status == 304 || status < 200) return 0;
        String cl = response.getResponseHeaders().getFirst(Headers.CONTENT_LENGTH);
        if (cl == null || response.getResponseHeaders().contains(Headers.TRANSFER_ENCODING)) return -1;
        try {
            return Long.parseLong(cl.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** HTTP/1.1 unless the upstream says {@code Connection: close}; HTTP/1.0 only with {@code keep-alive}. */
    private static boolean keepsAlive(ClientResponse response) {
        String c = response.getResponseHeaders().getFirst(Headers.CONNECTION);
        if (response.getProtocol().equals(Protocols.HTTP_1_1)) return c == null || !c.toLowerCase(java.util.Locale.ROOT).contains("close");
        return c != null && c.toLowerCase(java.util.Locale.ROOT).contains("keep-alive");
    }
}
