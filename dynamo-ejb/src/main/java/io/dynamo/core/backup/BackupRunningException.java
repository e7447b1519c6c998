package io.dynamo.core.backup;

import io.dynamo.core.base.DynamoException;

/** A backup was asked for while the node's previous one still runs: one at a time per node. */
public final class BackupRunningException extends DynamoException {
    public BackupRunningException(String message) {
        super(message);
    }
}
