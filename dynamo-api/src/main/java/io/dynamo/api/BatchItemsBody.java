package io.dynamo.api;

import java.util.List;

/**
 * The body of a batch write ({@code POST .../kv/_mput}).
 *
 * @param items the writes, each key at most once, 1 to {@link BatchKeysBody#MAX_KEYS} of them
 */
public record BatchItemsBody(List<BatchItemBody> items) {
}
