package io.dynamo.jaxrs.admin;

import io.dynamo.api.HealthBody;
import io.dynamo.core.peer.PeerHealth;
import io.dynamo.core.peer.Reachability;

/** A peer's health as the wire shows it. */
final class HealthViews {
    /** How a node reports itself: it is answering, so it is up; contact times mean nothing for itself. */
    static final HealthBody SELF = new HealthBody(Reachability.UP.name(), null, null, null, 0);
    /** A peer never called: routable until it misses a request, as the failure detector has it. */
    static final HealthBody UNTRIED = new HealthBody(Reachability.UP.name(), null, null, null, 0);

    private HealthViews() {
    }

    static HealthBody of(PeerHealth health, long now) {
        boolean contacted = health.lastContactMillis() > 0;
        return new HealthBody(health.reachability().name(),
                contacted ? health.lastContactMillis() : null,
                contacted ? Math.max(0, now - health.lastContactMillis()) : null,
                health.rttMillis() >= 0 ? Math.round(health.rttMillis() * 10) / 10.0 : null,
                health.consecutiveFailures());
    }
}
