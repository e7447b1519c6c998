package io.dynamo.client;

import java.net.URI;

/**
 * One attempt to send a request to one node, reported to the builder's listener after the attempt. A request that
 * falls back to other nodes reports one event per node tried, with increasing {@code attempt}.
 *
 * @param method      HTTP method
 * @param path        the path below the API base, e.g. {@code kv/a%2Fb} or {@code admin/ring}
 * @param key         the key for key-value requests; null for the client's own ring fetches
 * @param node        the base URI the request went to
 * @param nodeId      the node's id when the client's ring maps that address to one; null otherwise (e.g. a seed)
 * @param attempt     1 for the first node tried, 2 for the first fallback, ...
 * @param coordinator true when the node heads the key's preference list in the client's ring: the request went
 *                    straight to the key's coordinator
 * @param ringVersion the version of the client's ring when it chose the node; 0 when it had none
 * @param status      the HTTP status, or 0 when no answer came
 * @param outcome     what the client made of it
 */
public record RouteEvent(String method, String path, String key, URI node, String nodeId, int attempt,
                         boolean coordinator, long ringVersion, int status, Outcome outcome) {

    public enum Outcome {
        /** The node answered, and that answer (success or error) is the request's. */
        ANSWERED,
        /** The node answered that it cannot serve right now (e.g. it has no ring yet); the next node is tried. */
        REFUSED,
        /** No answer: connection refused, reset or timed out. The node is avoided for a few seconds. */
        UNREACHABLE
    }
}
