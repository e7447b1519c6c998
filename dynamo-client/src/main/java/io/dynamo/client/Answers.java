package io.dynamo.client;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.api.ErrorBody;
import io.dynamo.api.ErrorCode;
import io.dynamo.api.SiblingBody;
import io.dynamo.api.VersionsBody;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Turns a node's answer into the client's types, or into the DynamoClientException it stands for. */
final class Answers {
    /** RFC 9110 15.4.1; not in Response.Status. */
    private static final int MULTIPLE_CHOICES = 300;

    private Answers() {
    }

    /** The answer to a get that accepted any type: one version raw (200), siblings as JSON (300). */
    static Versions versions(Response response, URI node, List<URI> tried) {
        int status = response.getStatus();
        String context = response.getHeaderString(DynamoHeaders.CONTEXT);
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (status == 404) {
            ErrorBody error = NodeHttp.errorOf(response);
            // Only the API's own not_found means "no such key"; a 404 page from elsewhere means a wrong base URI.
            if (ErrorCode.NOT_FOUND.code().equals(error.error())) {
                return Versions.missing(context, etag);
            }
            throw DynamoClientException.answered(status, error.error(), error.detail(), node, tried);
        }
        if (status != 200 && status != MULTIPLE_CHOICES) {
            throw error(response, node, tried);
        }
        try {
            if (status == 200) {
                // One version, as its raw bytes and stored type: no base64, no JSON on either side.
                byte[] bytes = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
                Date modified = response.getLastModified();
                return new Versions(true, context, List.of(new Sibling(bytes,
                        response.getHeaderString(HttpHeaders.CONTENT_TYPE), modified == null ? null
                                : modified.toInstant())), etag);
            }
            VersionsBody body = response.readEntity(VersionsBody.class);
            Base64.Decoder base64 = Base64.getDecoder();
            List<Sibling> siblings = new ArrayList<>(body.siblings().size());
            for (SiblingBody s : body.siblings()) {
                siblings.add(sibling(base64, s));
            }
            return new Versions(true, body.context() != null ? body.context() : context, siblings, etag);
        } catch (ProcessingException | IllegalArgumentException | NullPointerException e) {
            throw DynamoClientException.invalidResponse("GET", status, node, tried, e);
        }
    }

    static String context(Response response, URI node, List<URI> tried) {
        if (response.getStatus() / 100 != 2) {
            throw error(response, node, tried);
        }
        String context = response.getHeaderString(DynamoHeaders.CONTEXT);
        if (context == null) {
            throw DynamoClientException.invalidResponse("the write's answer has no " + DynamoHeaders.CONTEXT,
                    response.getStatus(), node, tried, null);
        }
        return context;
    }

    /** A JSON answer of the given type; an error status becomes the exception it stands for. */
    static <T> T json(Response response, URI node, List<URI> tried, Class<T> type) {
        if (response.getStatus() / 100 != 2) {
            throw error(response, node, tried);
        }
        try {
            return response.readEntity(type);
        } catch (ProcessingException | IllegalStateException e) {
            throw DynamoClientException.invalidResponse(type.getSimpleName(), response.getStatus(), node, tried, e);
        }
    }

    static DynamoClientException error(Response response, URI node, List<URI> tried) {
        ErrorBody error = NodeHttp.errorOf(response);
        return DynamoClientException.answered(response.getStatus(), error.error(), error.detail(), node, tried);
    }

    /**
     * A sibling of a JSON answer, with its write time when the node gave one.
     *
     * @throws IllegalArgumentException when its value is not base64 or its time not an ISO-8601 instant
     */
    static Sibling sibling(Base64.Decoder base64, SiblingBody s) {
        try {
            return new Sibling(base64.decode(s.value()), s.contentType(),
                    s.lastModified() == null ? null : Instant.parse(s.lastModified()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("lastModified '" + s.lastModified() + "' is not an ISO-8601 instant", e);
        }
    }
}
