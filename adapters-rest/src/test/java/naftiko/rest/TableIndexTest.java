package naftiko.rest;

import static naftiko.rest.TestServer.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import naftiko.engine.run.RestEndpoint.RestRoute;
import naftiko.rest.route.Resolution;
import naftiko.rest.route.RouteTable;
import naftiko.rest.route.TableIndex;
import org.junit.jupiter.api.Test;

/** The index of the exposures sharing a port answers what asking each table in turn would. */
class TableIndexTest {

    private final ScriptedUnit unit = ScriptedUnit.ok("u");

    private final List<RouteTable> tables = List.of(
            RouteTable.compile(List.of(route("GET", "/a/runs", unit), route("POST", "/shared/{id}", unit))),
            RouteTable.compile(List.of(route("GET", "/b/runs/{id}", unit), route("GET", "/shared/x", unit))),
            RouteTable.compile(List.of(route("GET", "/c/runs/", unit), new RestRoute("/proxy/{path}", "*", unit, true))));
    private final TableIndex index = TableIndex.of(tables);

    @Test
    void theFirstTableThatKnowsThePathWhateverTheMethod() {
        assertThat(index.first("/a/runs")).isZero();
        assertThat(index.first("/b/runs/7")).isEqualTo(1);
        assertThat(index.first("/c/runs")).isEqualTo(2);
        assertThat(index.first("/proxy/x/y")).isEqualTo(2);
        // table 0 knows /shared/x through its placeholder (only for POST): it comes first
        assertThat(index.first("/shared/x")).isZero();
        assertThat(index.first("/nowhere")).isEqualTo(-1);
        assertThat(index.first("/")).isEqualTo(-1);
    }

    @Test
    void aTrailingSlashIsToleratedPerTableAndABadEscapeGoesToTheFirst() {
        assertThat(index.first("/a/runs/")).isZero();
        assertThat(index.first("/b/runs/7/")).isEqualTo(1);
        assertThat(index.first("/a/runs//")).isEqualTo(-1);
        assertThat(index.first("/b/%zz")).isZero();
        assertThat(TableIndex.of(List.of()).first("/a/runs")).isEqualTo(-1);
    }

    @Test
    void agreesWithResolvingEveryTableInTurn() {
        List<RouteTable> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(RouteTable.compile(List.of(route("GET", "/c" + i + "/runs/{id}", unit),
                    route("PATCH", "/c" + (i % 7) + "/runs/latest", unit), route("GET", "/{x}/all/" + i, unit))));
        }
        TableIndex big = TableIndex.of(many);
        for (String path : List.of("/c5/runs/latest", "/c12/runs/latest", "/c299/runs/9", "/c299/runs/9/",
                "/zz/all/250", "/c3/all/3", "/c300/runs/1", "/c1/runs", "/c2/runs/%41", "/c2/runs/%4")) {
            int expected = -1;
            for (int i = 0; i < many.size() && expected < 0; i++) {
                if (many.get(i).resolve("GET", path).kind() != Resolution.Kind.NOT_FOUND) expected = i;
            }
            assertThat(big.first(path)).as(path).isEqualTo(expected);
        }
    }
}
