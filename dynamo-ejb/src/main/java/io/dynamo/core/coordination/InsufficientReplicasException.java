package io.dynamo.core.coordination;

import io.dynamo.core.DynamoException;
import io.dynamo.core.Key;

/** Fewer replicas answered in time than the request's quorum needs. */
public final class InsufficientReplicasException extends DynamoException {
    private final int required;
    private final int answered;

    public InsufficientReplicasException(String operation, Key key, int required, int answered, String nodeId) {
        super(operation + " of key '" + key + "' on node " + nodeId + " needed " + required
                + " replicas but " + answered + " answered; retry later, lower the quorum for this request, "
                + "or bring the missing replicas back");
        this.required = required;
        this.answered = answered;
    }

    public int required() {
        return required;
    }

    public int answered() {
        return answered;
    }
}
