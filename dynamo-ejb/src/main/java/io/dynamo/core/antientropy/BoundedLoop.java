package io.dynamo.core.antientropy;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs an asynchronous task for each item with at most {@code limit} in flight, stopping at the first failure.
 * A drain loop (one thread at a time, others just signal) rather than chained futures: replies that complete
 * synchronously, as in-process transports do, would otherwise nest one stack frame per item.
 */
public final class BoundedLoop<T> {
    private final Iterator<T> items;
    private final int limit;
    private final Function<T, CompletableFuture<?>> task;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    private BoundedLoop(List<T> items, int limit, Function<T, CompletableFuture<?>> task) {
        this.items = items.iterator();
        this.limit = limit;
        this.task = task;
    }

    public static <T> CompletableFuture<Void> run(List<T> items, int limit, Function<T, CompletableFuture<?>> task) {
        BoundedLoop<T> loop = new BoundedLoop<>(List.copyOf(items), limit, task);
        loop.drain();
        return loop.done;
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            while (!done.isDone() && inFlight.get() < limit && items.hasNext()) {
                T item = items.next();
                inFlight.incrementAndGet();
                CompletableFuture<?> f;
                try {
                    f = task.apply(item);
                } catch (RuntimeException e) {
                    f = CompletableFuture.failedFuture(e);
                }
                f.whenComplete((result, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    }
                    inFlight.decrementAndGet();
                    drain();
                });
            }
            if (!items.hasNext() && inFlight.get() == 0) {
                done.complete(null);
            }
        } while (wip.decrementAndGet() != 0);
    }
}
