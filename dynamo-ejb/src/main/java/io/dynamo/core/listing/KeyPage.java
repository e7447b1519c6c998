package io.dynamo.core.listing;

import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.transport.Message;
import java.util.Arrays;
import java.util.List;

/**
 * The reply to a {@link KeyPageQuery}: the matching keys the replica holds, in ring order, each with its versions
 * stripped of their values (what a merge and a liveness check need), tombstones included so that a delete known here
 * outweighs a stale live version elsewhere. The replica has sent every matching key from the query's position up to
 * {@code next} (exclusive), or to the end of the partition when {@code next} is empty.
 */
public record KeyPage(List<ReplicaState> states, byte[] next) implements Message {
    public KeyPage {
        states = List.copyOf(states);
    }

    /** True when the replica read to the end of the partition. */
    public boolean complete() {
        return next.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPage p && states.equals(p.states) && Arrays.equals(next, p.next);
    }

    @Override
    public int hashCode() {
        return states.hashCode() * 31 + Arrays.hashCode(next);
    }

    @Override
    public String toString() {
        return "KeyPage[" + states.size() + " keys" + (complete() ? ", complete]" : "]");
    }
}
