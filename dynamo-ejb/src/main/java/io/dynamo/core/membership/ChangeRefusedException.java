package io.dynamo.core.membership;

import io.dynamo.core.base.DynamoException;

/**
 * A ring change the cluster will not make as asked: a leave that would leave fewer than N nodes, or a remove of a
 * node that still answers (it should leave, so that its data streams out).
 */
public final class ChangeRefusedException extends DynamoException {
    public ChangeRefusedException(String why) {
        super(why);
    }
}
