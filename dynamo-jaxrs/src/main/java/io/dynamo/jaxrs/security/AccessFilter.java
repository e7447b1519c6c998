package io.dynamo.jaxrs.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Lets a JAX-RS request through only with the role its path needs ({@link AccessCheck}); otherwise 401 or 403. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
    @Inject
    AccessCheck access;

    @Override
    public void filter(ContainerRequestContext request) {
        access.check(request.getMethod(), request.getUriInfo().getPath(),
                request.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(refusal -> {
                    Response.ResponseBuilder answer = Response.status(refusal.code().status())
                            .type(MediaType.APPLICATION_JSON_TYPE).entity(refusal.code().body(refusal.detail()));
                    if (refusal.challenge()) {
                        answer.header("WWW-Authenticate", AccessCheck.CHALLENGE);
                    }
                    request.abortWith(answer.build());
                });
    }
}
