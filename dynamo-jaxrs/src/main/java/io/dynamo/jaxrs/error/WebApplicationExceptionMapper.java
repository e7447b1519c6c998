package io.dynamo.jaxrs.error;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JAX-RS's own failures (no such resource, method not allowed, unsupported media type...) keep their status and
 * headers such as Allow, but answer in the API's JSON shape instead of the container's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.log(Level.WARNING, "request failed inside JAX-RS", e);
        }
        Response.ResponseBuilder answer = ErrorResponses.of(status, code(original), detail(e, original));
        for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE}) {
            if (original.getHeaders().containsKey(header)) {
                answer.header(header, original.getHeaderString(header));
            }
        }
        return answer.build();
    }

    /** "Method Not Allowed" becomes method_not_allowed. */
    private static String code(Response original) {
        String reason = original.getStatusInfo().getReasonPhrase();
        if (reason == null || reason.isBlank()) {
            return "http_" + original.getStatus();
        }
        return reason.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private String detail(WebApplicationException e, Response original) {
        String path = uri.getRequestUri().getRawPath();
        if (e instanceof NotFoundException) {
            return "nothing at " + path + "; keys live under /kv/{key}";
        }
        if (e instanceof NotAllowedException) {
            return request.getMethod() + " is not allowed on " + path + "; allowed: "
                    + String.join(", ", new TreeSet<>(original.getAllowedMethods()));
        }
        String message = e.getMessage();
        // JAX-RS's default messages only repeat the status line; prefer something that names the request.
        boolean generic = message == null || message.startsWith("HTTP " + original.getStatus());
        return generic ? original.getStatusInfo().getReasonPhrase() + " (" + request.getMethod() + " " + path + ")"
                : message;
    }
}
