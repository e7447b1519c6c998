package io.dynamo.jaxrs.admin;

import io.dynamo.core.membership.StalePlanException;
import io.dynamo.core.ring.Ring;

/** The commit half of plan-then-commit. */
final class Plans {
    private Plans() {
    }

    /**
     * The current ring, if it is the one the reviewed plan started from. A commit re-makes the plan from it; plans
     * are a pure function of the ring and the request, so it is the plan that was reviewed. (Should the ring change
     * between this check and the commit, the membership service refuses the commit with the same exception.)
     *
     * @throws StalePlanException (409 {@code stale_plan}) when the ring changed since the plan was made
     */
    static Ring requireVersion(Ring current, long reviewed, String self) {
        if (current.version() != reviewed) {
            throw new StalePlanException(reviewed, current.version(), "the plan was made from ring v" + reviewed
                    + " but node " + self + " now has ring v" + current.version()
                    + "; the ring changed since the plan was made: plan again and review the new plan");
        }
        return current;
    }
}
