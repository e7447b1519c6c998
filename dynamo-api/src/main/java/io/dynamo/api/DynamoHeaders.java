package io.dynamo.api;

/** HTTP headers of the API. */
public final class DynamoHeaders {
    /**
     * The opaque causal context: returned by every get, put and delete; sent back with the next put or delete of
     * the key so that the new version supersedes exactly what was read.
     */
    public static final String CONTEXT = "X-Dynamo-Context";

    /**
     * On every {@code /kv} answer, errors included, while the node knows its ring: the version of that ring. A client
     * that routes by the ring refetches it when a node's is newer than its own.
     */
    public static final String RING_VERSION = "X-Dynamo-Ring-Version";

    private DynamoHeaders() {
    }
}
