package io.dynamo.core.handoff;

import io.dynamo.core.base.DynamoException;

/** A hint this node will not keep: its target has been down longer than the window, or the hints are at their cap. */
public final class HintRefusedException extends DynamoException {
    public HintRefusedException(String message) {
        super(message);
    }
}
