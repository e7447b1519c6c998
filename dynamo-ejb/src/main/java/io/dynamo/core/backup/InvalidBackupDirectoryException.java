package io.dynamo.core.backup;

import io.dynamo.core.base.DynamoException;

/** The directory given for a backup cannot take one: not absolute, missing, not writable, or the node's own data. */
public final class InvalidBackupDirectoryException extends DynamoException {
    public InvalidBackupDirectoryException(String message) {
        super(message);
    }
}
