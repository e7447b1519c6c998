package io.dynamo.api;

import java.util.List;

/**
 * The body of a batch read ({@code POST .../kv/_mget}).
 *
 * @param keys the keys as plain strings (not percent-encoded), each at most once, 1 to {@link #MAX_KEYS} of them
 */
public record BatchKeysBody(List<String> keys) {
    /** The most keys or items one batch may name. */
    public static final int MAX_KEYS = 100;
}
