package io.dynamo.core.membership;

import io.dynamo.core.base.DynamoException;

/** A plan was made from a ring that is no longer the current one; it must be made again. */
public final class StalePlanException extends DynamoException {
    private final long planVersion;
    private final long currentVersion;

    public StalePlanException(long planVersion, long currentVersion, String why) {
        super(why);
        this.planVersion = planVersion;
        this.currentVersion = currentVersion;
    }

    /** The version of the ring the plan started from. */
    public long planVersion() {
        return planVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
