package naftiko.engine.upstream.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;

/**
 * The threads the transport runs on. A call made on an XNIO I/O thread (the REST server's) stays on
 * it; any other caller (CLI, MCP stdio, tests, worker threads) hops onto an I/O thread of a small
 * engine-owned worker, created on first use. Blocking work (name lookups, loading the TLS context)
 * runs on a separate small pool, never on an I/O thread.
 */
final class IoThreads {
    private IoThreads() {}

    /**
     * The I/O thread to run a call on: the caller's own when it is one, else one of the engine's,
     * always the same for an origin so that its calls share that thread's keep-alive connections.
     */
    static XnioIoThread forCaller(Origin origin) {
        Thread t = Thread.currentThread();
        return t instanceof XnioIoThread io ? io : Own.WORKER.getIoThread(origin.hashCode() & 0x7fffffff);
    }

    /** For blocking preparation before a new connection (name lookup, TLS context). */
    static ExecutorService blocking() {
        return Blocking.POOL;
    }

    private static final class Own {
        static final XnioWorker WORKER = create();

        private static XnioWorker create() {
            try {
                return Xnio.getInstance().createWorker(OptionMap.builder()
                        .set(Options.WORKER_NAME, "naftiko-upstream")
                        .set(Options.WORKER_IO_THREADS, 2)
                        .set(Options.WORKER_TASK_CORE_THREADS, 1)
                        .set(Options.WORKER_TASK_MAX_THREADS, 2)
                        .set(Options.THREAD_DAEMON, true)
                        .getMap());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the upstream I/O threads", e);
            }
        }
    }

    private static final class Blocking {
        static final ExecutorService POOL = create();

        private static ExecutorService create() {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "naftiko-upstream-lookup");
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
