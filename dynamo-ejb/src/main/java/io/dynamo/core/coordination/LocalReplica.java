package io.dynamo.core.coordination;

import io.dynamo.core.base.Key;
import io.dynamo.core.handoff.HintStore;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.version.SiblingSet;

/** This node as a replica: its own data, plus the hints it holds while standing in for others. */
public final class LocalReplica {
    private final ReplicaStore store;
    private final HintStore hints;
    private final Scheduler scheduler;

    public LocalReplica(ReplicaStore store, HintStore hints, Scheduler scheduler) {
        this.store = store;
        this.hints = hints;
        this.scheduler = scheduler;
    }

    public ReplicaStore store() {
        return store;
    }

    /** What this node knows of the key, as a replica or as a stand-in. */
    public SiblingSet read(Key key) {
        SiblingSet held = hints.read(key);
        SiblingSet own = store.read(key);
        return held.isEmpty() && held.clock().isEmpty() ? own : own.merge(held);
    }

    /** Merges versions into this node's data, or into the hints for {@code hintFor} when it is not empty. */
    public void write(Key key, SiblingSet versions, String hintFor) {
        write(key, versions, hintFor, false);
    }

    /** As {@link #write(Key, SiblingSet, String)}; when {@code synced}, returns once the write is fsynced. */
    public void write(Key key, SiblingSet versions, String hintFor, boolean synced) {
        if (hintFor.isEmpty()) {
            store.merge(key, versions, synced);
        } else {
            hints.add(hintFor, key, versions, scheduler.nowMillis(), synced);
        }
    }
}
