package naftiko.engine.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamUrlTest {

    /** What the client sent before: URI.create, then raw path (or /) and raw query. */
    private static String expectedTarget(String url) {
        URI u = URI.create(url);
        String path = u.getRawPath();
        return (path == null || path.isEmpty() ? "/" : path) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    @Test
    void secondAndLaterUrlsOfAnOriginGiveTheSameTargetAsAFullParse() {
        UpstreamUrl split = new UpstreamUrl();
        List<String> urls = List.of(
                "http://127.0.0.1:8080/api/projects/42/tasks/t1/runs/abc",
                "http://127.0.0.1:8080/api/a%2Fb%3Fc/x?q=1&r=a%20b",
                "http://127.0.0.1:8080",
                "http://127.0.0.1:8080?only=query",
                "http://127.0.0.1:8080/p/x#fragment",
                "http://127.0.0.1:8080/caf\u00e9",
                "http://127.0.0.1:8080/~user/it's(1)*+,;=:@!$",
                "http://127.0.0.1:80801/other-port",
                "http://127.0.0.1:8080/back-to-the-first");
        for (String url : urls) {
            UpstreamUrl.Split s = split.split(url);
            assertThat(s.target()).as(url).isEqualTo(expectedTarget(url));
            URI full = URI.create(url);
            assertThat(s.origin().getScheme()).isEqualTo(full.getScheme());
            assertThat(s.origin().getHost()).isEqualTo(full.getHost());
            assertThat(s.origin().getPort()).as(url).isEqualTo(full.getPort());
        }
    }

    @Test
    void whatIsNotAUriIsRefusedEvenAfterTheOriginIsKnown() {
        UpstreamUrl split = new UpstreamUrl();
        split.split("http://127.0.0.1:8080/ok");
        assertThatThrownBy(() -> split.split("http://127.0.0.1:8080/a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> split.split("http://127.0.0.1:8080/a\r\nHost: evil")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> split.split("http://127.0.0.1:8080/bad%zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> split.split("ftp://127.0.0.1/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> split.split("/relative/only")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainAcceptsOnlyUriCharactersAndCompletePercentEscapes() {
        assertThat(UpstreamUrl.plain("/a/b?c=d&e=%41%4a")).isTrue();
        assertThat(UpstreamUrl.plain("/a%4")).isFalse();
        assertThat(UpstreamUrl.plain("/a b")).isFalse();
        assertThat(UpstreamUrl.plain("/a#b")).isFalse();
        assertThat(UpstreamUrl.plain("/a{b}")).isFalse();
        assertThat(UpstreamUrl.plain("/\u00e9")).isFalse();
    }
}
