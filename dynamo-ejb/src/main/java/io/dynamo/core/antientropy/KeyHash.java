package io.dynamo.core.antientropy;

import io.dynamo.core.base.Key;

/** A key and the hash of its sibling set. */
public record KeyHash(Key key, long hash) {
}
