package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import naftiko.mcp.jsonrpc.JsonRpcError;

/**
 * Cursor pagination for the list methods. The cursor is opaque to clients: base64url of
 * {@code "o:" + offset}; anything that does not decode to an offset inside the list is -32602.
 */
public final class Paging {

    public static final int DEFAULT_PAGE_SIZE = 50;

    private final int pageSize;

    public Paging(int pageSize) {
        if (pageSize < 1) throw new IllegalArgumentException("page size must be positive");
        this.pageSize = pageSize;
    }

    public record Page<T>(List<T> items, String nextCursor) {
        /** Adds {@code nextCursor} to a list result when there is a next page. */
        public ObjectNode annotate(ObjectNode result) {
            if (nextCursor != null) result.put("nextCursor", nextCursor);
            return result;
        }
    }

    public <T> Page<T> page(List<T> all, String cursor) {
        int from = cursor == null ? 0 : offset(cursor, all.size());
        int to = Math.min(all.size(), from + pageSize);
        return new Page<>(all.subList(from, to), to < all.size() ? encode(to) : null);
    }

    /**
     * The result of a list method: {@code {key: [items of the page], nextCursor?}}. The items were
     * built once at load; each reply carries copies, so no reply shares nodes with another.
     */
    public ObjectNode listResult(String key, List<ObjectNode> all, String cursor) {
        Page<ObjectNode> page = page(all, cursor);
        ObjectNode result = naftiko.mcp.jsonrpc.Replies.object();
        com.fasterxml.jackson.databind.node.ArrayNode list = result.putArray(key);
        page.items().forEach(d -> list.add(d.deepCopy()));
        return page.annotate(result);
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int offset(String cursor, int size) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith("o:")) {
                int offset = Integer.parseInt(text.substring(2));
                if (offset > 0 && offset < size) return offset;
            }
        } catch (IllegalArgumentException e) {
            // fall through: not one of ours
        }
        throw JsonRpcError.invalidParams("Invalid params: unknown or expired cursor");
    }
}
