package io.dynamo.core.store;

import io.dynamo.core.Key;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.time.Clock;

/** What one replica does with its local store: stamp a coordinated write, or merge one sent by a peer. */
public final class ReplicaStore {
    private final StorageEngine storage;
    private final DotSource dots;
    private final Clock clock;
    private final int maxClockEntries;

    public ReplicaStore(StorageEngine storage, DotSource dots, Clock clock, int maxClockEntries) {
        this.storage = storage;
        this.dots = dots;
        this.clock = clock;
        this.maxClockEntries = maxClockEntries;
    }

    public SiblingSet read(Key key) {
        return storage.read(key);
    }

    /** Stamps a new version with a fresh dot of this node and stores it; returns the key's new sibling set. */
    public SiblingSet coordinate(Key key, Context context, Value value) {
        long now = clock.millis();
        return storage.update(key, current -> {
            // A dot beyond anything this actor has issued for the key, even if the context claims more.
            long floor = Math.max(current.clock().counter(dots.actor()), context.clock().counter(dots.actor()));
            Dot dot = dots.next(floor);
            return current.put(context, dot, value, now, maxClockEntries);
        });
    }

    /** Merges versions received from another replica. */
    public SiblingSet merge(Key key, SiblingSet incoming) {
        return storage.update(key, current -> current.merge(incoming).truncate(maxClockEntries));
    }

    public StorageEngine storage() {
        return storage;
    }
}
