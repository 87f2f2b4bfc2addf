package naftiko.engine.upstream;

import java.util.List;
import java.util.Map;

/** What the upstream answered. Header names are lower-cased; {@code contentType} may be null. */
public record UpstreamResponse(int status, Map<String, List<String>> headers, byte[] body, String contentType) {}
