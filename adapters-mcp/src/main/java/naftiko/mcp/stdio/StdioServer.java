package naftiko.mcp.stdio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.McpEndpoint;
import naftiko.mcp.ProtocolVersions;
import naftiko.mcp.jsonrpc.Dispatcher;
import naftiko.mcp.jsonrpc.JsonRpcError;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.session.Session;

/**
 * One MCP exposure over stdio: newline-delimited JSON-RPC read from {@code in}, replies written one
 * per line to {@code out} (and nothing else: logs go to stderr). On end of input the server lets
 * in-flight calls finish (bounded by the grace period) and runs {@code onEnd} — in {@code naftiko
 * run}, {@code System.exit(0)} so that shutdown hooks stop the other servers cleanly.
 */
public final class StdioServer implements ExposureServer {

    private static final System.Logger LOG = System.getLogger("naftiko.mcp");

    private final McpEndpoint endpoint;
    private final Dispatcher dispatcher;
    private final InputStream in;
    private final PrintStream out;
    private final Runnable onEnd;
    private final Duration grace;
    private final Session session = new Session(null, null);
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private Thread reader;

    public StdioServer(McpEndpoint endpoint, Dispatcher dispatcher, InputStream in, OutputStream out,
            Runnable onEnd, Duration grace) {
        this.endpoint = endpoint;
        this.dispatcher = dispatcher;
        this.in = in;
        this.out = new PrintStream(out, false, StandardCharsets.UTF_8);
        this.onEnd = onEnd;
        this.grace = grace;
    }

    @Override
    public synchronized void start() {
        if (reader != null) return;
        reader = new Thread(this::readLoop, "mcp-stdio-" + endpoint.namespace());
        reader.start();
    }

    @Override
    public void stop(Duration grace) {
        stopped = true;
        session.cancelAll();
    }

    @Override
    public List<String> describe() {
        int tools = endpoint.tools().size();
        return List.of("MCP " + endpoint.namespace() + " stdio (" + tools + (tools == 1 ? " tool)" : " tools)"));
    }

    private void readLoop() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!stopped && (line = lines.readLine()) != null) {
                if (!line.isBlank()) handle(line);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "MCP stdio: cannot read standard input: " + e.getMessage());
        }
        drain();
        if (!stopped) onEnd.run();
    }

    private void handle(String line) {
        JsonNode message;
        try {
            message = Dispatcher.parse(line.getBytes(StandardCharsets.UTF_8));
        } catch (JsonRpcError e) {
            write(Replies.error(null, e.code(), e.getMessage(), null));
            return;
        }
        String version = session.protocolVersion() == null ? ProtocolVersions.WITHOUT_HEADER : session.protocolVersion();
        CompletableFuture<JsonNode> reply = dispatcher.dispatch(message, session, version);
        pending.add(reply);
        reply.whenComplete((r, failure) -> {
            pending.remove(reply);
            if (failure != null) {
                LOG.log(Level.ERROR, "MCP stdio dispatch failed", failure);
                write(Replies.error(null, JsonRpcError.INTERNAL_ERROR, "Internal error", null));
            } else if (r != null) {
                write(r);
            }
        });
    }

    /** Lets calls still running at end of input finish, up to the grace period. */
    private void drain() {
        CompletableFuture<?>[] all = pending.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "MCP stdio: " + pending.size() + " call(s) still running at end of input were abandoned");
        }
        synchronized (out) {
            out.flush();
        }
    }

    private void write(JsonNode message) {
        byte[] line;
        try {
            // One line: strings are escaped and embedded upstream JSON is single-line (StructuredContent).
            line = Replies.JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        synchronized (out) {
            out.write(line, 0, line.length);
            out.write('\n');
            out.flush();
        }
    }
}
