package naftiko.engine.upstream.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.xnio.ChannelListener;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads a response body into memory on the I/O thread, never more than the size limit. With a
 * declared length the bytes land straight in an array of that size; otherwise (chunked, or until
 * the upstream closes) they are read through a per-thread scratch buffer into a growing array and
 * cut at the limit. The body is complete when the channel reports its end, which is also what lets
 * Undertow finish the exchange and keep the connection.
 */
final class BodyReader implements ChannelListener<StreamSourceChannel> {
    interface Done {
        void read(byte[] body);

        void failed(TransportFailure failure);
    }

    private static final int SCRATCH = 16 * 1024;
    private static final ThreadLocal<ByteBuffer> SCRATCH_OF_THREAD = ThreadLocal.withInitial(() -> ByteBuffer.allocate(SCRATCH));

    private final boolean declared;
    private final long maxBytes;
    private final Done done;
    private byte[] bytes;
    private int size;

    BodyReader(long declaredLength, long maxBytes, Done done) {
        this.declared = declaredLength >= 0 && declaredLength < Integer.MAX_VALUE - 8;
        this.maxBytes = maxBytes;
        this.done = done;
        this.bytes = declared ? new byte[(int) declaredLength] : new byte[0];
    }

    void start(StreamSourceChannel channel) {
        channel.getReadSetter().set(this);
        handleEvent(channel);
    }

    @Override
    public void handleEvent(StreamSourceChannel channel) {
        try {
            for (;;) {
                int n = declared && size < bytes.length ? readDirect(channel) : readScratch(channel);
                if (n == 0) {
                    channel.resumeReads();
                    return;
                }
                if (n < 0) {
                    channel.suspendReads();
                    channel.getReadSetter().set(null);
                    done.read(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
                    return;
                }
                if (n == Integer.MAX_VALUE) return; // failed: reported already
            }
        } catch (IOException | RuntimeException e) {
            channel.suspendReads();
            done.failed(TransportFailure.ofExchange(e));
        }
    }

    private int readDirect(StreamSourceChannel channel) throws IOException {
        int n = channel.read(ByteBuffer.wrap(bytes, size, bytes.length - size));
        if (n > 0) size += n;
        return n;
    }

    /** Reads into the scratch buffer and appends; {@code Integer.MAX_VALUE} when the limit was passed. */
    private int readScratch(StreamSourceChannel channel) throws IOException {
        ByteBuffer scratch = SCRATCH_OF_THREAD.get();
        scratch.clear();
        int n = channel.read(scratch);
        if (n <= 0) return n;
        if (declared) {
            // Undertow bounds a declared body; more bytes than declared would be a broken exchange
            done.failed(new TransportFailure(TransportFailure.Reason.PROTOCOL, "body longer than declared", null));
            return Integer.MAX_VALUE;
        }
        if (size + (long) n > maxBytes) {
            bytes = null;
            channel.suspendReads();
            done.failed(new TransportFailure(TransportFailure.Reason.TOO_LARGE, "body over the limit", null));
            return Integer.MAX_VALUE;
        }
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(size + n, Math.max(256, bytes.length * 2L))));
        }
        System.arraycopy(scratch.array(), 0, bytes, size, n);
        size += n;
        return n;
    }
}
