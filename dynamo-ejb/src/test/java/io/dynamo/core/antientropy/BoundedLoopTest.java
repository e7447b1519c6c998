package io.dynamo.core.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedLoopTest {

    @Test
    void synchronousTasksDoNotNestOnTheStack() {
        AtomicInteger ran = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 200_000).boxed().toList();
        CompletableFuture<Void> done = BoundedLoop.run(items, 1,
                i -> CompletableFuture.completedFuture(ran.incrementAndGet()));
        assertThat(done).isCompleted();
        assertThat(ran).hasValue(200_000);
    }

    @Test
    void keepsAtMostTheLimitInFlightAndStopsAtTheFirstFailure() {
        List<CompletableFuture<Object>> pending = new ArrayList<>();
        CompletableFuture<Void> done = BoundedLoop.run(IntStream.range(0, 10).boxed().toList(), 3, i -> {
            CompletableFuture<Object> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        });
        assertThat(pending).hasSize(3);
        pending.get(0).complete("ok");
        assertThat(pending).hasSize(4);
        pending.get(1).completeExceptionally(new IllegalStateException("boom"));
        assertThat(done).isCompletedExceptionally();
        pending.get(2).complete("ok");
        assertThat(pending).hasSize(4);
    }

    @Test
    void noItemsIsDoneAtOnce() {
        assertThat(BoundedLoop.run(List.of(), 2, i -> new CompletableFuture<>())).isCompleted();
    }
}
