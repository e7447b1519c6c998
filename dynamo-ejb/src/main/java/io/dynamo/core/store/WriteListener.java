package io.dynamo.core.store;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.SiblingSet;

/** Told of every change a replica makes to its store (anti-entropy keeps its hash trees current this way). */
@FunctionalInterface
public interface WriteListener {
    WriteListener NONE = (key, before, after) -> { };

    void written(Key key, SiblingSet before, SiblingSet after);
}
