package io.dynamo.core.node;

import io.dynamo.core.version.Context;
import io.dynamo.core.version.HybridTime;
import io.dynamo.core.version.Sibling;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a get answers: every live sibling (tombstones and expired values left out) and one context that covers all versions seen,
 * deleted ones included, so that a put with it supersedes them all; {@code times} holds, in the order of
 * {@code values}, the hybrid time each was written at ({@link HybridTime#ZERO} when unknown).
 */
public record ReadResult(List<Value> values, Context context, List<HybridTime> times) {
    public ReadResult {
        values = List.copyOf(values);
        times = List.copyOf(times);
        if (times.size() != values.size()) {
            throw new IllegalArgumentException(times.size() + " times for " + values.size() + " values");
        }
    }

    /** A result whose values' times are unknown. */
    public ReadResult(List<Value> values, Context context) {
        this(values, context, Collections.nCopies(values.size(), HybridTime.ZERO));
    }

    /** The versions of a key's sibling set live at {@code nowMillis} (neither deleted nor expired), with its context. */
    public static ReadResult of(SiblingSet versions, long nowMillis) {
        List<Value> values = new ArrayList<>();
        List<HybridTime> times = new ArrayList<>();
        for (Sibling s : versions.siblings()) {
            if (!s.value().isDeadAt(nowMillis)) {
                values.add(s.value());
                times.add(s.time());
            }
        }
        return new ReadResult(values, versions.context(), times);
    }

    /** False when the key was never written or its only versions are deletes: answer 404. */
    public boolean found() {
        return !values.isEmpty();
    }

    public boolean hasSiblings() {
        return values.size() > 1;
    }
}
