package naftiko.mcp.methods;

/**
 * Who the server says it is on {@code initialize}, and which optional features the file declares.
 *
 * @param name         the exposure namespace ({@code serverInfo.name})
 * @param title        a display title, or null
 * @param version      the naftiko version
 * @param instructions the exposure description, or null
 */
public record ServerIdentity(String name, String title, String version, String instructions,
        boolean hasResources, boolean hasPrompts) {}
