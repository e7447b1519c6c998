package io.dynamo.jaxrs.system.planted;

import io.dynamo.core.base.Key;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.infra.ForwardingStorageEngine;
import io.dynamo.infra.StorageDecorator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A planted bug, never in the product: a store whose reads fail one in fifty with an exception nothing expects, as
 * a corrupt record or a codec bug would. A get coordinated on such a node answers 500; {@code PlantedBugIT} requires
 * the fault test's checker to report it rather than count it as a refusal.
 */
public final class FailingReads implements StorageDecorator {
    static final int ONE_IN = 50;

    @Override
    public StorageEngine decorate(StorageEngine storage) {
        AtomicLong reads = new AtomicLong();
        return new ForwardingStorageEngine(storage) {
            @Override
            public SiblingSet read(Key key) {
                if (reads.incrementAndGet() % ONE_IN == 0) {
                    throw new IllegalStateException("planted bug: read " + reads.get() + " of the store fails");
                }
                return super.read(key);
            }
        };
    }
}
