package io.dynamo.jaxrs.api;

/** HTTP headers of the API. */
public final class DynamoHeaders {
    /**
     * The opaque causal context: returned by every get, put and delete; sent back with the next put or delete of
     * the key so that the new version supersedes exactly what was read.
     */
    public static final String CONTEXT = "X-Dynamo-Context";

    private DynamoHeaders() {
    }
}
