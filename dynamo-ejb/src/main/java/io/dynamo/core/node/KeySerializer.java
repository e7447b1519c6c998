package io.dynamo.core.node;

import io.dynamo.core.base.Key;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs asynchronous work on one key one at a time, in the order it arrives, without holding a thread: each piece of
 * work starts when the previous one on the same key has completed. Work on other keys is not held up, and a key with
 * nothing queued costs no memory.
 */
final class KeySerializer {
    private final Map<Key, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** The work's result; the work starts once every earlier work on the key has completed, whatever its outcome. */
    <T> CompletableFuture<T> run(Key key, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(key, done);
        CompletableFuture<T> result = (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                .thenCompose(ignored -> start(work));
        result.whenComplete((value, failure) -> {
            tails.remove(key, done);
            done.complete(null);
        });
        return result;
    }

    /** Keys with work running or queued (tests). */
    int busyKeys() {
        return tails.size();
    }

    private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
