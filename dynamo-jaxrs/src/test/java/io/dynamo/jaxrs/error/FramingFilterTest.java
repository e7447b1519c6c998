package io.dynamo.jaxrs.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FramingFilterTest {

    @Test
    void aBodyFramedOneWayPasses() {
        assertThat(FramingFilter.problem(List.of(), true)).isNull();
        assertThat(FramingFilter.problem(List.of(), false)).isNull();
        assertThat(FramingFilter.problem(List.of("chunked"), false)).isNull();
        assertThat(FramingFilter.problem(List.of(" Chunked "), false)).isNull();
    }

    @Test
    void codingsTheListenerDoesNotImplementAreRefused() {
        for (List<String> fields : List.of(List.of("identity"), List.of("gzip"), List.of("gzip, chunked"),
                List.of("chunked, gzip"), List.of("xchunked"), List.of("chunked, chunked"), List.of("chunked", "chunked"),
                List.of(""), List.of("chunked,"))) {
            assertThat(FramingFilter.problem(fields, false)).as("%s", fields).contains("is not supported");
        }
    }

    @Test
    void aLengthBesideATransferEncodingIsRefused() {
        assertThat(FramingFilter.problem(List.of("chunked"), true)).contains("both Content-Length and");
    }
}
