package io.dynamo.simulation;

import io.dynamo.core.base.Key;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.VectorClock;
import io.dynamo.infra.ForwardingStorageEngine;
import java.util.function.UnaryOperator;

/**
 * Counts, over every store of a run, the writes whose clock lost an actor it had (clock truncation) and the tombstones
 * removed for good, so a run can show that it exercised both.
 */
final class StoreWatch {
    private long truncations;
    private long tombstonesRemoved;

    StorageEngine watch(StorageEngine store) {
        return new ForwardingStorageEngine(store) {
            @Override
            public SiblingSet update(Key key, UnaryOperator<SiblingSet> change) {
                SiblingSet[] before = new SiblingSet[1];
                SiblingSet after = super.update(key, current -> {
                    before[0] = current;
                    return change.apply(current);
                });
                if (forgotAnActor(before[0].clock(), after.clock())) {
                    truncations++;
                }
                return after;
            }

            @Override
            public boolean remove(Key key, SiblingSet expected) {
                boolean removed = super.remove(key, expected);
                if (removed && expected.isDeleted()) {
                    tombstonesRemoved++;
                }
                return removed;
            }
        };
    }

    long truncations() {
        return truncations;
    }

    long tombstonesRemoved() {
        return tombstonesRemoved;
    }

    private static boolean forgotAnActor(VectorClock before, VectorClock after) {
        for (VectorClock.Entry e : before.entries()) {
            if (after.counter(e.actor()) == 0) {
                return true;
            }
        }
        return false;
    }
}
