package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.text.ParseException;
import java.util.List;
import org.glassfish.jersey.message.internal.HttpHeaderReader;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    /** Every header the servlet path reads must get the answer JAX-RS gives it, or the two paths would differ. */
    @Test
    void agreesWithJaxRsOnEveryHeaderItReads() throws ParseException {
        List<String> headers = List.of("application/json", "APPLICATION/JSON", "application/json, */*",
                "*/*, application/json", "text/plain, application/json", "application/json;q=0.5, text/plain",
                "text/plain;q=0.4, application/json;q=0.5", "application/*, application/json",
                "application/*;q=1, application/json;q=0.9", "*/*", "application/*", "text/*, application/json;q=1",
                "application/json; charset=utf-8", "application/json;q=0", "application/octet-stream",
                "application/json;q=1.0, */*;q=0.1", "text/html, application/xhtml+xml, application/xml;q=0.9,"
                + " */*;q=0.8", "application/json, text/plain, */*", "application/jsonl", " application/json ",
                "*/*;q=0.9, application/json;q=0.9", "application/json;level=1;q=0.7, text/plain;q=0.7");
        for (String header : headers) {
            boolean jaxRs = ReadResponses.prefersJson(List.copyOf(HttpHeaderReader.readAcceptMediaType(header)
                    .stream().map(m -> (MediaType) m).toList()));
            assertThat(AcceptHeader.prefersJson(header)).as(header).contains(jaxRs);
        }
    }

    @Test
    void noHeaderOrABlankOneMeansRawBytes() {
        assertThat(AcceptHeader.prefersJson(null)).contains(false);
        assertThat(AcceptHeader.prefersJson("  ")).contains(false);
    }

    /** JAX-RS answers these with the API's 400 (or reads them its own way): the servlet path leaves them to it. */
    @Test
    void leavesWhatItCannotReadToJaxRs() {
        for (String header : List.of("json", "application/", "/json", "application/json;q=2", "application/json;q=x",
                "application/json;q", "application/json;;", "application/json garbage", ",", "text/plain, , ",
                "application/json, ")) {
            assertThat(AcceptHeader.prefersJson(header)).as(header).isEmpty();
        }
    }
}
