package io.dynamo.jaxrs.error;

import io.dynamo.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * Refuses a malformed Content-Type with the API's JSON 400. A servlet filter because the JAX-RS runtime parses the
 * header before any of its own filters or mappers run, and answers an HTML page when it fails.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ContentTypeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !parses(contentType)) {
            ServletErrors.send(response, ErrorCode.INVALID_HEADER, ErrorResponses.malformedHeader(
                    HttpHeaders.CONTENT_TYPE, contentType, "a media type such as text/plain"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The same parser JAX-RS uses. */
    public static boolean parses(String contentType) {
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
