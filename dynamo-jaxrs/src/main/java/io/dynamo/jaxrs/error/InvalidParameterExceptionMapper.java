package io.dynamo.jaxrs.error;

import io.dynamo.api.ErrorCode;
import io.dynamo.jaxrs.kv.InvalidParameterException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A query parameter that does not parse: 400 {@code invalid_parameter}. */
@Provider
public class InvalidParameterExceptionMapper implements ExceptionMapper<InvalidParameterException> {
    @Override
    public Response toResponse(InvalidParameterException e) {
        return ErrorResponses.of(ErrorCode.INVALID_PARAMETER, e.getMessage()).build();
    }
}
