package naftiko.rest.skill;

import java.util.ArrayList;
import java.util.List;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.bind.BindResolver;
import naftiko.engine.bind.BindValues;
import naftiko.engine.expr.Template;
import naftiko.engine.run.Capability;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.model.SkillExposes;

/** Creates one catalog server per {@code exposes: type: skill} of a capability (not started). */
public final class SkillServers {
    private SkillServers() {}

    /** Inbound secrets of skill exposures are rendered from binds read with the process environment. */
    public static List<ExposureServer> create(Capability capability, ServeOptions options) {
        return create(capability, options, EngineOptions.defaults());
    }

    /**
     * @param engine the options the capability was planned with: its bind values render the
     *               inbound secrets of {@code authentication} (SPEC.md §13.2), as for REST and MCP
     * @throws IllegalArgumentException with the file position when an exposure's authentication
     *                                  cannot be enforced (e.g. inbound digest)
     */
    public static List<ExposureServer> create(Capability capability, ServeOptions options, EngineOptions engine) {
        List<ExposureServer> servers = new ArrayList<>();
        BindValues binds = null;
        for (SkillExposes exposes : capability.skills()) {
            InboundAuth auth = null;
            if (exposes.authentication() != null) {
                if (binds == null) {
                    binds = new BindResolver(engine.environment(), engine.extraValues(), engine.dryRun())
                            .resolve(capability.spec().binds(), capability.spec().file());
                }
                BindValues scope = binds;
                try {
                    auth = InboundAuth.of(exposes.authentication(), s -> render(s, scope), exposes.namespace());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(exposes.pos() + ": skill exposure '" + exposes.namespace()
                            + "': " + e.getMessage(), null);
                }
            }
            String address = options.addressOverride() != null ? options.addressOverride()
                    : exposes.address() == null || exposes.address().isBlank() ? "127.0.0.1" : exposes.address();
            int port = options.portFor(exposes.namespace(), exposes.port() == null ? 0 : exposes.port());
            SkillCatalog catalog = SkillCatalog.of(exposes, capability);
            servers.add(new SkillServer(exposes.namespace(), catalog, auth, address, port));
        }
        return servers;
    }

    /** As the planner does for REST and MCP: an unrenderable secret is empty, which never authenticates. */
    private static String render(String template, BindValues binds) {
        if (template == null) return null;
        try {
            return Template.compile(template).render(binds.scope());
        } catch (RuntimeException e) {
            return "";
        }
    }
}
