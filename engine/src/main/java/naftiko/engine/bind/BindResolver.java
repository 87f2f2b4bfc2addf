package naftiko.engine.bind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import naftiko.engine.expr.ValueText;
import naftiko.engine.run.PlanException;
import naftiko.engine.spec.model.Bind;
import naftiko.engine.spec.model.SourcePos;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Resolves binds once at plan time (SPEC.md §4): no {@code location} reads the process
 * environment ({@code --env-file} values win); {@code file://} reads a JSON, YAML or {@code .env}
 * file resolved against the capability file's folder. A missing variable is a {@link PlanException}
 * that names it, its bind, its position and what to set; with {@code dryRun} it becomes the
 * placeholder {@code <unset:VAR>} instead.
 */
public final class BindResolver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final Map<String, String> extraValues;
    private final boolean dryRun;

    public BindResolver(Map<String, String> environment, Map<String, String> extraValues, boolean dryRun) {
        this.environment = environment == null ? Map.of() : environment;
        this.extraValues = extraValues == null ? Map.of() : extraValues;
        this.dryRun = dryRun;
    }

    public BindValues resolve(List<Bind> binds, Path capabilityFile) {
        BindValues values = new BindValues();
        if (binds == null) return values;
        Path baseDir = capabilityFile == null || capabilityFile.toAbsolutePath().getParent() == null
                ? Path.of("").toAbsolutePath() : capabilityFile.toAbsolutePath().getParent();
        for (Bind bind : binds) {
            Map<String, String> source = bind.location() == null ? null : readLocation(bind, baseDir);
            for (Map.Entry<String, String> key : bind.keys().entrySet()) {
                String var = key.getKey();
                String sourceKey = key.getValue() == null ? var : key.getValue();
                String value;
                if (source == null) {
                    value = extraValues.containsKey(sourceKey) ? extraValues.get(sourceKey) : environment.get(sourceKey);
                } else {
                    value = source.get(sourceKey);
                }
                if (value == null) {
                    if (dryRun) {
                        values.putPlaceholder(bind.namespace(), var, "<unset:" + var + ">");
                        continue;
                    }
                    throw new PlanException(missing(bind, var, sourceKey));
                }
                values.put(bind.namespace(), var, value);
            }
        }
        return values;
    }

    private String missing(Bind bind, String var, String sourceKey) {
        SourcePos pos = bind.keyPositions() == null ? null : bind.keyPositions().get(var);
        if (pos == null) pos = bind.pos();
        String where = "bind '" + bind.namespace() + "'" + (pos == null ? "" : ", " + pos);
        if (bind.location() == null) {
            return "missing variable " + sourceKey + " (" + where + "): export " + sourceKey
                    + "=... or pass --env-file FILE with " + sourceKey + "=...";
        }
        return "missing key " + sourceKey + " for variable " + var + " in " + bind.location() + " (" + where
                + "): add " + sourceKey + " to that file";
    }

    private Map<String, String> readLocation(Bind bind, Path baseDir) {
        String loc = bind.location();
        if (!loc.regionMatches(true, 0, "file:", 0, 5)) {
            int colon = loc.indexOf(':');
            String scheme = colon > 0 ? loc.substring(0, colon) : loc;
            throw new PlanException("bind '" + bind.namespace() + "' (" + bind.pos() + "): location scheme '" + scheme
                    + "' is not supported; use file://PATH (JSON, YAML or .env) or omit location to read the environment");
        }
        Path file = filePath(loc, baseDir);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".env") || name.startsWith(".env")) return EnvFile.parse(text);
            Object root;
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                root = new Load(LoadSettings.builder().build()).loadFromString(text);
            } else {
                root = JSON.readValue(text, Object.class);
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new PlanException("bind '" + bind.namespace() + "' (" + bind.pos() + "): " + file
                        + " must hold a map of keys to values");
            }
            Map<String, String> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) out.put(String.valueOf(k), v instanceof String s ? s : ValueText.of(JSON.valueToTree(v)));
            });
            return out;
        } catch (NoSuchFileException e) {
            throw new PlanException("bind '" + bind.namespace() + "' (" + bind.pos() + "): file " + file
                    + " not found; create it or fix location");
        } catch (IOException | RuntimeException e) {
            if (e instanceof PlanException p) throw p;
            throw new PlanException("bind '" + bind.namespace() + "' (" + bind.pos() + "): cannot read " + file
                    + " as " + (file.toString().endsWith("json") ? "JSON" : "YAML/JSON/.env"));
        }
    }

    /** {@code file:///abs}, {@code file:///./rel}, {@code file://./rel}, {@code file:rel}; relative ⇒ against baseDir. */
    public static Path filePath(String location, Path baseDir) {
        String rest = location.substring(5);
        if (rest.startsWith("///")) rest = rest.substring(2);
        else if (rest.startsWith("//")) rest = rest.substring(2);
        if (rest.startsWith("/./") || rest.startsWith("/../")) rest = rest.substring(1);
        try {
            rest = URI.create("x:" + rest.replace(" ", "%20")).getSchemeSpecificPart();
        } catch (IllegalArgumentException e) {
            // not percent-encoded: keep as written
        }
        Path p = Path.of(rest);
        return p.isAbsolute() ? p.normalize() : baseDir.resolve(p).normalize();
    }
}
