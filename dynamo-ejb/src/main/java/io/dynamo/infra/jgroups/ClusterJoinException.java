package io.dynamo.infra.jgroups;

import io.dynamo.core.base.DynamoException;

/** The node could not build its JGroups channel or join its cluster (bad stack file, port in use, ...). */
public final class ClusterJoinException extends DynamoException {
    public ClusterJoinException(String message, Throwable cause) {
        super(message, cause);
    }
}
