package naftiko.engine.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The runtime version, for {@code User-Agent: naftiko/<version>}. */
public final class EngineVersion {
    private static final String VERSION = load();

    private EngineVersion() {}

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/naftiko-engine-version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
