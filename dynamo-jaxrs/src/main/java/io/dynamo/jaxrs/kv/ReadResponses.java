package io.dynamo.jaxrs.kv;

import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Whether a read through JAX-RS answers JSON for one version ({@link AcceptHeader} on the servlet path). */
final class ReadResponses {
    private ReadResponses() {
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
}
