package io.dynamo.core.handoff;

/** The hints held for one target: how many, how large, and since when the oldest waits (0 when empty). */
public record HintQueue(String target, long count, long bytes, long oldestStoredAtMillis) {
}
