package naftiko.engine.log;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes log lines to their stream from one background thread, so the threads that log requests —
 * the servers' I/O threads — never wait on the stream: stderr may be a slow pipe, or one nobody
 * reads. Lines queue up to a bound; beyond it they are dropped and counted, and the count is
 * written as a line of its own once the writer catches up. Whatever is queued is written in one
 * call per batch. {@link #awaitWritten} lets callers that log rare events wait for their line.
 */
final class LogWriter {
    static final int CAPACITY = 16_384;
    private static final int BATCH = 512;

    private final PrintStream out;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long written;
    private final Object progress = new Object();
    private final Thread thread;

    /** @param out the stream, or null for whatever {@code System.err} is when a batch is written */
    LogWriter(PrintStream out) {
        this.out = out;
        thread = new Thread(this::run, "naftiko-log");
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes what is queued (bounded wait), then stops the thread. */
    void close(long timeoutMillis) throws InterruptedException {
        try {
            drain(timeoutMillis);
        } finally {
            thread.interrupt();
        }
    }

    PrintStream stream() {
        return out;
    }

    /**
     * Queues one line without ever blocking; a full queue drops it (and counts it).
     *
     * @return the line's sequence number, to wait for with {@link #awaitWritten}; -1 when dropped
     */
    long offer(byte[] line) {
        synchronized (queue) { // sequence numbers in queue order
            if (!queue.offer(line)) {
                dropped.incrementAndGet();
                return -1;
            }
            return offered.incrementAndGet();
        }
    }

    /**
     * Queues one line, waiting (bounded, polling) for room when the queue is full: for the rare
     * events of the command's own threads, which must not be dropped behind a burst of requests.
     *
     * @return the line's sequence number; -1 when there was still no room at the deadline
     */
    long offerWaiting(byte[] line, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long sequence;
            synchronized (queue) {
                sequence = queue.offer(line) ? offered.incrementAndGet() : -1;
            }
            if (sequence >= 0 || System.nanoTime() >= deadline) return sequence;
            Thread.sleep(5);
        }
    }

    /** Waits (bounded) until line {@code sequence} has been written; false on time-out. */
    boolean awaitWritten(long sequence, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (progress) {
            while (written < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    /** Waits (bounded) until everything queued so far has been written. */
    boolean drain(long timeoutMillis) throws InterruptedException {
        return awaitWritten(offered.get(), timeoutMillis);
    }

    private void run() {
        List<byte[]> batch = new ArrayList<>(BATCH);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                buffer.writeBytes(new LogLine(EventLog.format(), LogLevel.WARN, "log-lines-dropped")
                        .field("count", Long.toString(lost))
                        .field("reason", "the log stream did not keep up")
                        .bytes());
            }
            for (byte[] line : batch) buffer.writeBytes(line);
            PrintStream target = out != null ? out : System.err;
            try {
                synchronized (target) {
                    buffer.writeTo(target);
                    target.flush();
                }
            } catch (java.io.IOException | RuntimeException e) {
                // a broken stream loses its lines; logging must never take the process down
            }
            buffer.reset();
            synchronized (progress) {
                written += batch.size();
                progress.notifyAll();
            }
            batch.clear();
        }
    }
}
