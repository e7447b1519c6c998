package io.dynamo.core.membership;

import io.dynamo.core.transport.Message;

/**
 * A ring change a node asks of the claimant: the join of {@code node} with {@code weight}, or its leave, as planned
 * from ring {@code fromVersion}. The claimant plans it again from its own ring (plans are a pure function of the
 * ring and the request) and commits it, or refuses.
 */
public record ChangeRequest(boolean join, String node, int weight, long fromVersion) implements Message {
}
