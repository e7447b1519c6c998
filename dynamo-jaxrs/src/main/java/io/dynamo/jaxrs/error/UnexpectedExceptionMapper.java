package io.dynamo.jaxrs.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last resort: a bug or an unforeseen failure. The client gets a JSON 500 with an incident id; the stack trace
 * goes to the log under that id and never into the answer ({@link Failures}).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    @Inject
    Failures failures;

    @Override
    public Response toResponse(Throwable e) {
        return ErrorResponses.of(failures.answer(e)).build();
    }
}
