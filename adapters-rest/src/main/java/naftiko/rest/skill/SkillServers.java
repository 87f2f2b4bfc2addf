package naftiko.rest.skill;

import java.util.ArrayList;
import java.util.List;
import naftiko.engine.run.Capability;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.model.SkillExposes;

/** Creates one catalog server per {@code exposes: type: skill} of a capability (not started). */
public final class SkillServers {
    private SkillServers() {}

    /**
     * @throws IllegalArgumentException when a skill exposure declares {@code authentication}: the
     *                                  catalog would otherwise be served open while the file asks
     *                                  for protection
     */
    public static List<ExposureServer> create(Capability capability, ServeOptions options) {
        List<ExposureServer> servers = new ArrayList<>();
        for (SkillExposes exposes : capability.skills()) {
            if (exposes.authentication() != null) {
                throw new IllegalArgumentException(exposes.pos() + ": skill exposure '" + exposes.namespace()
                        + "' declares authentication, which this runtime does not enforce on the skill catalog yet;"
                        + " remove it or put the catalog behind a proxy that authenticates");
            }
            String address = options.addressOverride() != null ? options.addressOverride()
                    : exposes.address() == null || exposes.address().isBlank() ? "127.0.0.1" : exposes.address();
            int port = options.portFor(exposes.namespace(), exposes.port() == null ? 0 : exposes.port());
            SkillCatalog catalog = SkillCatalog.of(exposes, capability);
            servers.add(new SkillServer(exposes.namespace(), catalog, address, port));
        }
        return servers;
    }
}
