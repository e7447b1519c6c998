package io.dynamo.jaxrs.error;

import io.dynamo.core.base.DynamoException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Each core failure as the API's JSON error ({@link Failures} has the table). */
@Provider
public class DynamoExceptionMapper implements ExceptionMapper<DynamoException> {
    @Inject
    Failures failures;

    @Override
    public Response toResponse(DynamoException e) {
        return ErrorResponses.of(failures.answer(e)).build();
    }
}
