package io.dynamo.core.membership;

import io.dynamo.core.ring.Ring;
import java.util.Optional;

/** Told when this node's ring changes (by a local commit or by gossip), in the order the changes happened. */
@FunctionalInterface
public interface RingChangeListener {

    /**
     * @param before the ring this node had, empty when it had none yet
     * @param after  the ring it has now (always a different ring, usually a higher version)
     */
    void ringChanged(Optional<Ring> before, Ring after);
}
