package io.dynamo.core.time;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Bounds how long a caller waits for asynchronous work, on the node's scheduler (so simulations control it too).
 * The work itself is not stopped: it goes on and its outcome is dropped.
 */
public final class Deadline {
    private Deadline() {
    }

    /**
     * A future that completes as {@code work} does, or with {@code onTimeout}'s exception once {@code limit} has
     * passed. A failure of the work is replaced by what {@code onFailure} makes of it (which may be wrapped in a
     * {@link java.util.concurrent.CompletionException}), and the answer completes with exactly that.
     */
    public static <T> CompletableFuture<T> within(CompletableFuture<T> work, Scheduler scheduler, Duration limit,
                                                  Supplier<? extends RuntimeException> onTimeout,
                                                  Function<Throwable, ? extends Throwable> onFailure) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (!work.isDone()) {
            Scheduler.Cancellable timer = scheduler.schedule(limit,
                    () -> answer.completeExceptionally(onTimeout.get()));
            answer.whenComplete((value, failure) -> timer.cancel());
        }
        work.whenComplete((value, failure) -> {
            if (failure == null) {
                answer.complete(value);
            } else {
                answer.completeExceptionally(onFailure.apply(failure));
            }
        });
        return answer;
    }
}
