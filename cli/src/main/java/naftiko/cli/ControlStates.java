package naftiko.cli;

import java.util.ArrayList;
import java.util.List;
import naftiko.control.ControlState;
import naftiko.engine.run.Capability;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.RestEndpoint;
import naftiko.mcp.http.StreamableHttpServer;
import naftiko.rest.RestServer;
import naftiko.rest.skill.SkillServer;

/** What the control port reports about the capabilities of a run session, once their servers started. */
final class ControlStates {
    private ControlStates() {}

    /**
     * @param sources the file of each capability, in the same order
     * @param rest    the REST servers, in capability then exposure order (likewise {@code mcp})
     */
    static List<ControlState.Mounted> mounted(List<Capability> capabilities, List<String> sources,
                                              List<ExposureServer> rest, List<ExposureServer> mcp,
                                              List<ExposureServer> skill) {
        List<ControlState.Mounted> out = new ArrayList<>();
        int r = 0;
        int m = 0;
        for (int i = 0; i < capabilities.size(); i++) {
            Capability c = capabilities.get(i);
            List<ControlState.Exposure> exposures = new ArrayList<>();
            for (RestEndpoint e : c.rest()) {
                ExposureServer s = r < rest.size() ? rest.get(r++) : null;
                exposures.add(new ControlState.Exposure("rest", e.namespace(),
                        s instanceof RestServer rs ? rs.url() : null, s != null));
            }
            for (McpEndpoint e : c.mcp()) {
                ExposureServer s = m < mcp.size() ? mcp.get(m++) : null;
                exposures.add(new ControlState.Exposure("mcp", e.namespace(),
                        s instanceof StreamableHttpServer h ? h.url() : s == null ? null : "stdio", s != null));
            }
            for (var k : c.skills()) {
                SkillServer s = skill.stream().filter(x -> x instanceof SkillServer ks && ks.namespace().equals(k.namespace()))
                        .map(SkillServer.class::cast).findFirst().orElse(null);
                exposures.add(new ControlState.Exposure("skill", k.namespace(), s == null ? null : s.url(), s != null));
            }
            out.add(new ControlState.Mounted(c, sources.get(i), exposures));
        }
        return out;
    }
}
