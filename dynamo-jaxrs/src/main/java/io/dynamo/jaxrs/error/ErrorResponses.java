package io.dynamo.jaxrs.error;

import io.dynamo.api.ErrorBody;
import io.dynamo.api.ErrorCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the JSON error answers, so that all mappers produce the same shape. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    static Response.ResponseBuilder of(ErrorAnswer answer) {
        Response.ResponseBuilder response = of(answer.code(), answer.detail());
        return answer.retryAfter() == null ? response : response.header(HttpHeaders.RETRY_AFTER, answer.retryAfter());
    }

    static Response.ResponseBuilder of(ErrorCode code, String detail) {
        return of(code.status(), code.code(), detail);
    }

    /** For JAX-RS's own refusals, whose code is made from the status (see {@link ErrorCode}). */
    static Response.ResponseBuilder of(int status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(error, detail));
    }

    static String malformedHeader(String header, String value, String expected) {
        String shown = value.length() <= 100 ? value : value.substring(0, 100) + "...";
        return "the " + header + " header '" + shown + "' is malformed; it must be " + expected;
    }
}
