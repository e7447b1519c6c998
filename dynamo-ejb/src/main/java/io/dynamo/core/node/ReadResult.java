package io.dynamo.core.node;

import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import java.util.List;

/**
 * What a get answers: every live sibling (tombstones left out) and one context that covers all versions seen,
 * deleted ones included, so that a put with it supersedes them all.
 */
public record ReadResult(List<Value> values, Context context) {
    public ReadResult {
        values = List.copyOf(values);
    }

    /** False when the key was never written or its only versions are deletes: answer 404. */
    public boolean found() {
        return !values.isEmpty();
    }

    public boolean hasSiblings() {
        return values.size() > 1;
    }
}
