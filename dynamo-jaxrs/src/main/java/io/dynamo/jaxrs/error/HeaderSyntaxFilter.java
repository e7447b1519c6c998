package io.dynamo.jaxrs.error;

import io.dynamo.api.ErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a malformed Accept header with the API's JSON 400. Without it JAX-RS fails while matching the request,
 * outside the exception mappers, and the container answers with an HTML page. (Content-Type is parsed even earlier;
 * {@link ContentTypeFilter} covers it.)
 */
@Provider
@PreMatching
public class HeaderSyntaxFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            request.abortWith(ErrorResponses.of(ErrorCode.INVALID_HEADER,
                    ErrorResponses.malformedHeader(HttpHeaders.ACCEPT, request.getHeaderString(HttpHeaders.ACCEPT),
                            "a list of media types such as application/json, */*;q=0.5")).build());
        }
    }
}
