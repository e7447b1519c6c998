package io.dynamo.jaxrs.error;

import io.dynamo.jaxrs.api.ErrorBody;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a malformed Content-Type with the API's JSON 400. A servlet filter because the JAX-RS runtime parses the
 * header before any of its own filters or mappers run, and answers an HTML page when it fails.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ContentTypeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private transient Jsonb json;

    @Override
    public void init() {
        json = JsonbBuilder.create();
    }

    @Override
    public void destroy() {
        try {
            json.close();
        } catch (Exception e) {
            // nothing held but caches; the application is going away anyway
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !parses(contentType)) {
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_JSON);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.toJson(new ErrorBody("invalid_header", ErrorResponses.malformedHeader(
                    HttpHeaders.CONTENT_TYPE, contentType, "a media type such as text/plain"))));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The same parser JAX-RS uses. */
    private static boolean parses(String contentType) {
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
