package naftiko.engine.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {
    @Test
    void segmentKeepsUnreservedAndEncodesTheRest() {
        assertThat(PercentEncoding.segment("a/b?c")).isEqualTo("a%2Fb%3Fc");
        assertThat(PercentEncoding.segment("a#b")).isEqualTo("a%23b");
        assertThat(PercentEncoding.segment("100%")).isEqualTo("100%25");
        assertThat(PercentEncoding.segment("a b")).isEqualTo("a%20b");
        assertThat(PercentEncoding.segment("é€")).isEqualTo("%C3%A9%E2%82%AC");
        assertThat(PercentEncoding.segment("a\\b")).isEqualTo("a%5Cb");
        assertThat(PercentEncoding.segment("A-z_0.9~")).isEqualTo("A-z_0.9~");
        assertThat(PercentEncoding.segment("a+b&c=d;e")).isEqualTo("a%2Bb%26c%3Dd%3Be");
    }

    @Test
    void dotSegmentsCannotClimb() {
        assertThat(PercentEncoding.segment("..")).isEqualTo("%2E%2E");
        assertThat(PercentEncoding.segment(".")).isEqualTo("%2E");
        assertThat(PercentEncoding.segment("../etc")).isEqualTo("..%2Fetc");
        assertThat(PercentEncoding.segment("...")).isEqualTo("...");
    }

    @Test
    void queryAndForm() {
        assertThat(PercentEncoding.query("a b&c")).isEqualTo("a%20b%26c");
        assertThat(PercentEncoding.form("a b&c")).isEqualTo("a+b%26c");
    }

    @Test
    void joinWithExactlyOneSlash() {
        assertThat(RequestTemplate.join("http://h/v1", "/items/")).isEqualTo("http://h/v1/items/");
        assertThat(RequestTemplate.join("http://h/v1/", "/items")).isEqualTo("http://h/v1/items");
        assertThat(RequestTemplate.join("http://h/v1", "items")).isEqualTo("http://h/v1/items");
        assertThat(RequestTemplate.join("http://h", "")).isEqualTo("http://h");
    }
}
