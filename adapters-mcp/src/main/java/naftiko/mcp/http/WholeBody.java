package naftiko.mcp.http;

import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayOutputStream;

/**
 * Collects a request body into one array from Undertow's partial reads, then hands it on. Undertow's
 * own {@code receiveFullBytes} copies every byte singly into a stream; the partial reads copy each
 * chunk in bulk, and a body that arrives in one chunk (the usual JSON-RPC message) is passed on
 * without a second copy. Size limits stay with the exchange's max entity size.
 */
final class WholeBody implements Receiver.PartialBytesCallback {

    private static final byte[] EMPTY = new byte[0];

    private final Receiver.FullBytesCallback next;
    private byte[] first;
    private ByteArrayOutputStream more;

    private WholeBody(Receiver.FullBytesCallback next) {
        this.next = next;
    }

    static void receive(HttpServerExchange exchange, Receiver.FullBytesCallback next, Receiver.ErrorCallback error) {
        exchange.getRequestReceiver().receivePartialBytes(new WholeBody(next), error);
    }

    @Override
    public void handle(HttpServerExchange exchange, byte[] chunk, boolean last) {
        if (chunk.length > 0) {
            if (first == null) {
                first = chunk;
            } else {
                if (more == null) {
                    more = new ByteArrayOutputStream(first.length + chunk.length);
                    more.writeBytes(first);
                }
                more.writeBytes(chunk);
            }
        }
        if (last) next.handle(exchange, more != null ? more.toByteArray() : first != null ? first : EMPTY);
    }
}
