package io.dynamo.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The context of the last read or write of each key this client made, so that {@link DynamoClient#update} is one
 * request instead of a read and a write. Bounded: the key used longest ago is forgotten first, and an update of a
 * forgotten key reads it again. A plain synchronized map: a lookup is far cheaper than the request it saves.
 */
final class ContextCache {
    private final int capacity;
    private final Map<String, String> contexts;

    ContextCache(int capacity) {
        this.capacity = capacity;
        this.contexts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > ContextCache.this.capacity;
            }
        };
    }

    /** Remembers the key's context; a null context (a key never written) forgets it. */
    synchronized void remember(String key, String context) {
        if (capacity == 0) {
            return;
        }
        if (context == null) {
            contexts.remove(key);
        } else {
            contexts.put(key, context);
        }
    }

    synchronized Optional<String> context(String key) {
        return Optional.ofNullable(contexts.get(key));
    }

    synchronized int size() {
        return contexts.size();
    }
}
