package naftiko.rest;

import static naftiko.rest.TestServer.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import naftiko.engine.run.RestEndpoint.RestRoute;
import naftiko.rest.route.Resolution;
import naftiko.rest.route.RouteTable;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final ScriptedUnit list = ScriptedUnit.ok("list");
    private final ScriptedUnit latest = ScriptedUnit.ok("latest");
    private final ScriptedUnit get = ScriptedUnit.ok("get");
    private final ScriptedUnit patch = ScriptedUnit.ok("patch");
    private final ScriptedUnit relay = ScriptedUnit.ok("relay");

    private final RouteTable table = RouteTable.compile(List.of(
            route("GET", "/v1/projects/{project-id}/runs", list),
            route("GET", "/v1/projects/{{project-id}}/runs/{id}", get),
            route("PATCH", "/v1/projects/{project-id}/runs/{id}", patch),
            route("GET", "/v1/projects/{project-id}/runs/latest", latest),
            new RestRoute("/proxy/{path}", "*", relay, true)));

    @Test
    void literalSegmentBeatsPlaceholderWhateverTheDeclarationOrder() {
        Resolution r = table.resolve("GET", "/v1/projects/42/runs/latest");
        assertThat(r.route().unit()).isSameAs(latest);
        assertThat(r.variables()).isEqualTo(Map.of("project-id", "42"));
        assertThat(table.resolve("GET", "/v1/projects/42/runs/r9").route().unit()).isSameAs(get);
    }

    @Test
    void variablesAreDecodedPerSegmentAndDoubleBracesAreCanonical() {
        Resolution r = table.resolve("GET", "/v1/projects/a%2Fb%20c/runs/%C3%A9");
        assertThat(r.variables()).isEqualTo(Map.of("project-id", "a/b c", "id", "é"));
        assertThat(r.template()).isEqualTo("/v1/projects/{project-id}/runs/{id}");
    }

    @Test
    void oneTrailingSlashIsToleratedButNotTwo() {
        assertThat(table.resolve("GET", "/v1/projects/42/runs/").route().unit()).isSameAs(list);
        assertThat(table.resolve("GET", "/v1/projects/42/runs//").kind()).isEqualTo(Resolution.Kind.NOT_FOUND);
    }

    @Test
    void unknownPathAndEmptySegmentAreNotFound() {
        assertThat(table.resolve("GET", "/v1/projects/42").kind()).isEqualTo(Resolution.Kind.NOT_FOUND);
        assertThat(table.resolve("GET", "/v1/projects//runs").kind()).isEqualTo(Resolution.Kind.NOT_FOUND);
        assertThat(table.resolve("GET", "/v1/projects/42/runs/r9/extra").kind()).isEqualTo(Resolution.Kind.NOT_FOUND);
    }

    @Test
    void placeholdersInsideASegmentMatchAroundTheirLiterals() {
        RouteTable t = RouteTable.compile(List.of(
                route("GET", "/files/{name}.{{ext}}", get),
                route("GET", "/files/{id}", list)));
        Resolution r = t.resolve("GET", "/files/report.final.json");
        assertThat(r.route().unit()).isSameAs(get);
        assertThat(r.variables()).isEqualTo(Map.of("name", "report", "ext", "final.json"));
        assertThat(r.template()).isEqualTo("/files/{name}.{ext}");
        assertThat(t.resolve("GET", "/files/readme").route().unit()).isSameAs(list);
    }

    @Test
    void malformedEscapeIsABadPath() {
        assertThat(table.resolve("GET", "/v1/projects/%zz/runs").kind()).isEqualTo(Resolution.Kind.BAD_PATH);
        assertThat(table.resolve("GET", "/v1/projects/%4/runs").kind()).isEqualTo(Resolution.Kind.BAD_PATH);
    }

    @Test
    void wrongMethodListsAllowedMethodsWithHeadAndOptions() {
        Resolution r = table.resolve("DELETE", "/v1/projects/42/runs/r9");
        assertThat(r.kind()).isEqualTo(Resolution.Kind.METHOD_NOT_ALLOWED);
        assertThat(r.allow()).isEqualTo("GET, PATCH, HEAD, OPTIONS");
        assertThat(table.resolve("OPTIONS", "/v1/projects/42/runs/r9").allow()).isEqualTo("GET, PATCH, HEAD, OPTIONS");
    }

    @Test
    void headUsesTheGetRoute() {
        assertThat(table.resolve("HEAD", "/v1/projects/42/runs").route().unit()).isSameAs(list);
    }

    @Test
    void restVariableTakesTheRemainderRawWithSlashes() {
        Resolution r = table.resolve("POST", "/proxy/a/b%20c/d/");
        assertThat(r.route().unit()).isSameAs(relay);
        assertThat(r.pathRemainder()).isEqualTo("a/b%20c/d/");
        assertThat(r.variables()).containsEntry("path", "a/b c/d/");
    }

    @Test
    void mountedListsEveryRouteWithItsCanonicalTemplate() {
        assertThat(table.mounted()).extracting(m -> m.method() + " " + m.path()).containsExactly(
                "GET /v1/projects/{project-id}/runs",
                "GET /v1/projects/{project-id}/runs/latest",
                "GET /v1/projects/{project-id}/runs/{id}",
                "PATCH /v1/projects/{project-id}/runs/{id}",
                "* /proxy/{path}");
    }

    @Test
    void aLiteralResourceWithoutTheMethodFallsThroughToThePlaceholderOne() {
        RouteTable t = RouteTable.compile(List.of(
                route("GET", "/runs/{id}", get),
                route("POST", "/runs/latest", latest)));
        assertThat(t.resolve("POST", "/runs/latest").route().unit()).isSameAs(latest);
        Resolution r = t.resolve("GET", "/runs/latest");
        assertThat(r.route().unit()).isSameAs(get);
        assertThat(r.variables()).isEqualTo(Map.of("id", "latest"));
        // Allow lists the methods of every resource matching the path
        assertThat(t.resolve("DELETE", "/runs/latest").allow()).isEqualTo("GET, POST, HEAD, OPTIONS");
        assertThat(t.resolve("DELETE", "/runs/r9").allow()).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void precedenceIsDecidedAtTheFirstDifferingSegment() {
        RouteTable t = RouteTable.compile(List.of(
                route("GET", "/{a}/x/{b}", relay),
                route("GET", "/{a}/{b}/c", patch),
                route("GET", "/files/{name}.json", get),
                route("GET", "/files/{name}", list),
                new RestRoute("/files/{path}", "*", latest, true)));
        // literal x beats the placeholder at the second segment, though /{a}/{b}/c is literal at the third
        assertThat(t.resolve("GET", "/q/x/c").route().unit()).isSameAs(relay);
        assertThat(t.resolve("GET", "/q/y/c").route().unit()).isSameAs(patch);
        // mixed beats a whole placeholder, which beats the rest of the path
        assertThat(t.resolve("GET", "/files/a.json").route().unit()).isSameAs(get);
        assertThat(t.resolve("GET", "/files/a.txt").route().unit()).isSameAs(list);
        assertThat(t.resolve("GET", "/files/a/b").route().unit()).isSameAs(latest);
        assertThat(t.resolve("GET", "/files/a/b").pathRemainder()).isEqualTo("a/b");
        // an empty segment is no placeholder value, but the rest of the path takes it
        assertThat(t.resolve("GET", "/files/").route().unit()).isSameAs(latest);
    }

    @Test
    void restOfPathAlsoMatchesNothingAndTheRoot() {
        RouteTable t = RouteTable.compile(List.of(
                route("GET", "/", list),
                new RestRoute("/{path}", "*", relay, true)));
        assertThat(t.resolve("GET", "/").route().unit()).isSameAs(list);
        assertThat(t.resolve("POST", "/").route().unit()).isSameAs(relay);
        assertThat(t.resolve("POST", "/").pathRemainder()).isEmpty();
        assertThat(t.resolve("GET", "/a/b").pathRemainder()).isEqualTo("a/b");
    }

    @Test
    void aTableOfTwentyThousandRoutesResolvesEachToItsOwn() {
        List<RestRoute> routes = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String p = "/c" + i + "/v1/projects/{project-id}/runs";
            routes.add(route("GET", p, ScriptedUnit.ok("list" + i)));
            routes.add(route("GET", p + "/{id}", ScriptedUnit.ok("get" + i)));
            routes.add(route("PATCH", p + "/{id}", ScriptedUnit.ok("patch" + i)));
            routes.add(route("GET", p + "/latest", ScriptedUnit.ok("latest" + i)));
            for (int k = 0; k < 16; k++) routes.add(route("POST", p + "/{id}/op" + k, ScriptedUnit.ok("op" + i + "-" + k)));
        }
        RouteTable t = RouteTable.compile(routes);
        for (int i : new int[] {0, 1, 499, 998, 999}) {
            Resolution r = t.resolve("GET", "/c" + i + "/v1/projects/42/runs/r9");
            assertThat(r.route().unit().name()).isEqualTo("get" + i);
            assertThat(r.variables()).isEqualTo(Map.of("project-id", "42", "id", "r9"));
            assertThat(t.resolve("GET", "/c" + i + "/v1/projects/42/runs/latest").route().unit().name()).isEqualTo("latest" + i);
            assertThat(t.resolve("POST", "/c" + i + "/v1/projects/42/runs/r9/op7").route().unit().name())
                    .isEqualTo("op" + i + "-7");
            assertThat(t.resolve("GET", "/c" + i + "/v1/projects/42/runs/").route().unit().name()).isEqualTo("list" + i);
            assertThat(t.resolve("DELETE", "/c" + i + "/v1/projects/42/runs/r9").allow()).isEqualTo("GET, PATCH, HEAD, OPTIONS");
        }
        assertThat(t.resolve("GET", "/c1000/v1/projects/42/runs").kind()).isEqualTo(Resolution.Kind.NOT_FOUND);
        assertThat(t.resolve("GET", "/c7/v1/projects/42/runs/r9/op16").kind()).isEqualTo(Resolution.Kind.NOT_FOUND);
        assertThat(t.mounted()).hasSize(20_000);
    }
}
