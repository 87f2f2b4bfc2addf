package naftiko.engine.upstream.resilience;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Reads an upstream body into memory but never more than {@code limit} bytes: a larger declared
 * {@code Content-Length} is refused before reading, and a body that grows past the limit is cut
 * (the subscription is cancelled, which closes the connection). The failure comes from {@code tooLarge}.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final Supplier<? extends RuntimeException> tooLarge;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    private BoundedBody(long limit, Supplier<? extends RuntimeException> tooLarge) {
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    /** A handler reading at most {@code limit} bytes; {@code tooLarge} builds the failure beyond it. */
    public static HttpResponse.BodyHandler<byte[]> handler(long limit, Supplier<? extends RuntimeException> tooLarge) {
        return info -> {
            BoundedBody body = new BoundedBody(limit, tooLarge);
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1L);
            if (declared > limit) body.result.completeExceptionally(tooLarge.get());
            return body;
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) return;
        for (ByteBuffer b : buffers) {
            size += b.remaining();
            if (size > limit) {
                chunks.clear();
                subscription.cancel();
                result.completeExceptionally(tooLarge.get());
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            chunks.add(chunk);
        }
    }

    @Override
    public void onError(Throwable t) {
        chunks.clear();
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) return;
        byte[] all = new byte[(int) size];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        chunks.clear();
        result.complete(all);
    }
}
