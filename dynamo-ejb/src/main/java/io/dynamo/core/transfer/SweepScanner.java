package io.dynamo.core.transfer;

import io.dynamo.core.store.StorageEngine;

/** Tells whether the store holds any key of a partition, stopping the scan at the first one. */
final class SweepScanner {
    /** Ends a scan early; carries no stack trace, as it is control flow, not a failure. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }

    private final StorageEngine storage;
    private final int partitionCount;

    SweepScanner(StorageEngine storage, int partitionCount) {
        this.storage = storage;
        this.partitionCount = partitionCount;
    }

    boolean holdsAny(int partition) {
        try {
            storage.scan(partition, partitionCount, (key, versions) -> {
                throw new Found();
            });
            return false;
        } catch (Found found) {
            return true;
        }
    }
}
