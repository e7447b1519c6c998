package io.dynamo.jaxrs.error;

import io.dynamo.api.ErrorCode;
import io.dynamo.jaxrs.metrics.InternalErrors;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a bug or an unforeseen failure. The client gets a JSON 500 with an incident id; the stack trace
 * goes to the log under that id and never into the answer.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    InternalErrors internalErrors;

    @Override
    public Response toResponse(Throwable e) {
        internalErrors.count();
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "unexpected failure, incident " + incident, e);
        return ErrorResponses.of(ErrorCode.INTERNAL_ERROR,
                "unexpected server error (incident " + incident + "); the node's log has the details").build();
    }
}
