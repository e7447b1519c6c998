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

    /**
     * On a put: the value's time to live in whole seconds, from 1 to {@link #TTL_MAX_SECONDS} (the query parameter
     * {@code ttl} says the same). The node adds it to its clock; from then on the value reads as deleted.
     */
    public static final String TTL = "X-Dynamo-TTL";

    /** The longest time to live a put or a batch item may give: 10 years of 365 days, in seconds. */
    public static final long TTL_MAX_SECONDS = 10L * 365 * 24 * 60 * 60;

    private DynamoHeaders() {
    }
}
