package io.dynamo.jaxrs.kv;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.api.SiblingBody;
import io.dynamo.api.VersionsBody;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.version.Value;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Shapes a successful read: raw bytes for one version, JSON for siblings or when JSON is asked for. */
final class ReadResponses {
    /** RFC 9110 15.4.1; not in Response.Status. */
    static final int MULTIPLE_CHOICES = 300;

    private ReadResponses() {
    }

    static Response of(ReadResult result, boolean json) {
        String context = result.context().encode();
        Response.ResponseBuilder answer;
        if (result.hasSiblings()) {
            answer = Response.status(MULTIPLE_CHOICES).type(MediaType.APPLICATION_JSON_TYPE).entity(body(result));
        } else if (json) {
            answer = Response.ok(body(result), MediaType.APPLICATION_JSON_TYPE);
        } else {
            Value value = result.values().get(0);
            // Set as a raw header: the stored type is echoed exactly as the client sent it.
            answer = Response.ok(value.bytes()).header(HttpHeaders.CONTENT_TYPE, value.contentType());
        }
        EntityTags.of(result.context()).ifPresent(tag -> answer.header(HttpHeaders.ETAG, tag));
        result.context().newestTime().ifPresent(millis -> answer.lastModified(new Date(millis)));
        return answer.header(DynamoHeaders.CONTEXT, context).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /**
     * JSON only when the client's most preferred type is exactly application/json: a missing Accept or a wildcard
     * gets the raw bytes. (A client that stores JSON documents and wants them raw sends {@code Accept: *}{@code /*}.)
     */
    static boolean prefersJson(List<MediaType> acceptableByPreference) {
        return !acceptableByPreference.isEmpty()
                && !acceptableByPreference.get(0).isWildcardType()
                && !acceptableByPreference.get(0).isWildcardSubtype()
                && acceptableByPreference.get(0).isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The JSON form of a read; batches list its siblings too. */
    static VersionsBody body(ReadResult result) {
        Base64.Encoder base64 = Base64.getEncoder();
        List<SiblingBody> siblings = result.values().stream()
                .map(v -> new SiblingBody(base64.encodeToString(v.bytes()), v.contentType()))
                .toList();
        return new VersionsBody(result.context().encode(), siblings);
    }
}
