package io.dynamo.jaxrs.admin;

import io.dynamo.core.ring.RingChange;
import java.util.List;

/**
 * A parsed remove, replace or plan request.
 *
 * @param changes     in order
 * @param ringVersion commit only: the ring version the reviewed plan started from (0 for a plan)
 */
record PlannedChanges(List<RingChange> changes, long ringVersion) {
}
