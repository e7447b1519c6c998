package io.dynamo.core.membership;

import io.dynamo.core.base.DynamoException;

/** A join names a node the cluster cannot hand partitions to: never heard from, or unreachable now. */
public final class JoinRefusedException extends DynamoException {
    private final String node;

    public JoinRefusedException(String node, String why) {
        super(why);
        this.node = node;
    }

    /** The node the join named. */
    public String node() {
        return node;
    }
}
