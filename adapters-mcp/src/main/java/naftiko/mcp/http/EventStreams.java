package naftiko.mcp.http;

import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-to-client streams opened by {@code GET} on an MCP endpoint (Streamable HTTP's
 * optional SSE stream), by endpoint path. The server sends only notifications on them:
 * {@code notifications/tools/list_changed} after a reload changed that path's tools.
 */
final class EventStreams {

    static final String TOOLS_LIST_CHANGED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}";

    private final Map<String, Set<ServerSentEventConnection>> byPath = new ConcurrentHashMap<>();

    /** The SSE handler for one path: registers the connection until the client or server closes it. */
    ServerSentEventHandler handler(String path) {
        return new ServerSentEventHandler((connection, lastEventId) -> {
            Set<ServerSentEventConnection> set = byPath.computeIfAbsent(path, k -> ConcurrentHashMap.newKeySet());
            set.add(connection);
            connection.addCloseTask(c -> set.remove(c));
        });
    }

    int open(String path) {
        Set<ServerSentEventConnection> set = byPath.get(path);
        return set == null ? 0 : set.size();
    }

    /** Tells every client on these paths that the tool list changed. */
    void toolsChanged(Collection<String> paths) {
        for (String path : paths) {
            Set<ServerSentEventConnection> set = byPath.get(path);
            if (set == null) continue;
            for (ServerSentEventConnection c : set) {
                if (c.isOpen()) c.send(TOOLS_LIST_CHANGED, "message", null, null);
            }
        }
    }

    /** Ends every stream (server stopping), so graceful shutdown is not held by idle streams. */
    void closeAll() {
        byPath.values().forEach(set -> set.forEach(c -> {
            try {
                c.shutdown();
            } catch (RuntimeException ignored) {
                // already closed
            }
        }));
    }
}
