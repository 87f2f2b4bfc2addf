package naftiko.engine.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An MCP resource, static (files under a {@code file:///} directory) or dynamic (backed by a call).
 * The engine owns file access and URI-template matching; the MCP adapter only translates.
 */
public interface McpResourceUnit {

    String name();

    String title();

    String description();

    String mimeType();

    /** The URI as declared; contains {@code {var}} placeholders when {@link #isTemplate()}. */
    String uri();

    boolean isTemplate();

    /** Concrete entries for {@code resources/list} (static: one per file; dynamic non-template: one). */
    List<Entry> entries();

    /** Template variables when {@code uri} belongs to this resource, else empty. */
    Optional<Map<String, String>> match(String uri);

    /** Reads {@code uri}; fails with {@link UnitFailure} (BAD_INPUT for unknown/unsafe URIs). */
    CompletableFuture<Content> read(String uri, CallContext context);

    record Entry(String uri, String name, String title, String description, String mimeType) {}

    record Content(String uri, String mimeType, String text) {}
}
