package io.dynamo.jaxrs.error;

import io.dynamo.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a request whose body could be read two ways: a transfer coding other than a single {@code chunked}, or a
 * Transfer-Encoding beside a Content-Length. Payara's listener ignores codings it does not implement (identity,
 * gzip, ...): it read such a body as empty, the put stored an empty value, and the body's bytes became the next
 * request on the connection, where a proxy in front would have seen them as the body. RFC 9112 (6.1) lets a server
 * refuse such requests. When Content-Length comes before {@code Transfer-Encoding: chunked} the listener drops it
 * before any filter sees it and reads the chunks; in the other order it refuses the request itself (docs/api.md).
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class FramingFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String TRANSFER_ENCODING = "Transfer-Encoding";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String problem = problem(Collections.list(request.getHeaders(TRANSFER_ENCODING)),
                request.getHeader(HttpHeaders.CONTENT_LENGTH) != null);
        if (problem != null) {
            response.setHeader("Connection", "close");
            ServletErrors.send(response, ErrorCode.INVALID_HEADER, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why a head with these Transfer-Encoding fields (and a Content-Length or not) is refused, or null. */
    public static String problem(List<String> transferEncodings, boolean contentLength) {
        List<String> codings = new ArrayList<>();
        for (String field : transferEncodings) {
            for (String coding : field.split(",", -1)) {
                codings.add(coding.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (codings.isEmpty()) {
            return null;
        }
        if (contentLength) {
            return "the request has both Content-Length and Transfer-Encoding; send one of them";
        }
        return codings.equals(List.of("chunked")) ? null : "the Transfer-Encoding " + String.join(", ", codings)
                + " is not supported; send the body with Content-Length or Transfer-Encoding: chunked";
    }
}
