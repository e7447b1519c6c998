package io.dynamo.core.handoff;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.SiblingSet;

/** Versions of a key held for the node they were meant for, since {@code storedAtMillis}. */
public record Hint(String target, Key key, SiblingSet versions, long storedAtMillis) {
}
