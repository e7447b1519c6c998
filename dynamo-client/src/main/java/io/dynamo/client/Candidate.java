package io.dynamo.client;

import java.net.URI;

/**
 * A node a request may go to.
 *
 * @param base        its API base URI, ending in {@code /}
 * @param nodeId      its id when known from the ring's node list, else null
 * @param coordinator true when it heads the key's preference list
 */
record Candidate(URI base, String nodeId, boolean coordinator) {
}
