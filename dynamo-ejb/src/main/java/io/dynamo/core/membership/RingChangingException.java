package io.dynamo.core.membership;

import io.dynamo.core.base.DynamoException;

/** A ring change was committed while the last one is still under way; it can be committed once that one is over. */
public final class RingChangingException extends DynamoException {
    private final long ringVersion;

    public RingChangingException(long ringVersion, String why) {
        super(why);
        this.ringVersion = ringVersion;
    }

    /** The version of the ring whose change is still under way. */
    public long ringVersion() {
        return ringVersion;
    }
}
