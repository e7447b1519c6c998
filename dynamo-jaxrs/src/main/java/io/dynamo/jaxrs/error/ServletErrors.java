package io.dynamo.jaxrs.error;

import io.dynamo.api.ErrorCode;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The API's JSON error, written by a servlet filter that refuses a request before JAX-RS sees it. */
final class ServletErrors {
    /** Thread-safe; holds nothing but caches, so it lives as long as the application. */
    private static final Jsonb JSON = JsonbBuilder.create();

    private ServletErrors() {
    }

    static void send(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.toJson(code.body(detail)));
    }
}
