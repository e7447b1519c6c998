package io.dynamo.core.node;

import io.dynamo.core.version.SiblingSet;
import java.util.Objects;

/**
 * One node's copy of a key, as {@link DynamoNode#versionsOnReplicas} collects it for the admin API.
 *
 * @param node     the node asked
 * @param replica  true for one of the key's N replicas; false for a fallback holding a hint for one of them
 * @param versions what the node holds for the key (its data and its hints); empty when it could not be read
 * @param error    why the copy could not be read; empty when it was
 */
public record ReplicaVersions(String node, boolean replica, SiblingSet versions, String error) {

    public ReplicaVersions {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(error, "error");
    }

    public boolean ok() {
        return error.isEmpty();
    }
}
