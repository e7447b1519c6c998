package io.dynamo.core.coordination;

import io.dynamo.core.base.DynamoException;
import io.dynamo.core.base.Key;

/** Fewer replicas answered in time than the request's quorum needs. */
public final class InsufficientReplicasException extends DynamoException {
    private final int required;
    private final int answered;

    public InsufficientReplicasException(String operation, Key key, int required, int answered, String nodeId) {
        this(operation, key, required, answered, nodeId, "");
    }

    /** @param where which replicas fell short, e.g. during a ring change; empty when there is one set */
    public InsufficientReplicasException(String operation, Key key, int required, int answered, String nodeId,
                                         String where) {
        this(operation + " of key '" + key + "' on node " + nodeId + " needed " + required
                + " replicas but " + answered + " answered" + (where.isEmpty() ? "" : " " + where)
                + "; retry later, lower the quorum for this request, or bring the missing replicas back",
                required, answered);
    }

    private InsufficientReplicasException(String message, int required, int answered) {
        super(message);
        this.required = required;
        this.answered = answered;
    }

    /** Enough replicas acknowledged the write, but fewer than dw of them had synced it. */
    public static InsufficientReplicasException notSynced(String operation, Key key, String nodeId, int dw,
                                                          int synced) {
        return new InsufficientReplicasException(operation + " of key '" + key + "' on node " + nodeId + " needed "
                + dw + " replicas to sync the write (dw) but " + synced + " did; the write is stored but may not "
                + "survive a power loss; retry later, lower dw for this request, or bring the missing replicas back",
                dw, synced);
    }

    /** The request as a whole outlasted the node's limit, whatever the replicas answered meanwhile. */
    public static InsufficientReplicasException timedOut(String operation, Key key, String nodeId, long limitMillis) {
        return new InsufficientReplicasException(operation + " of key '" + key + "' on node " + nodeId
                + " got no quorum within " + limitMillis + " ms (its coordinator or replicas are overloaded or "
                + "unreachable); retry later, or check the nodes' health with GET /admin/nodes", 1, 0);
    }

    public int required() {
        return required;
    }

    public int answered() {
        return answered;
    }
}
