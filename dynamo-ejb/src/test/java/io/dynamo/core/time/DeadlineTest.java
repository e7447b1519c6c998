package io.dynamo.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.testkit.SimulatedScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private static final Duration LIMIT = Duration.ofMillis(600);
    private final SimulatedScheduler scheduler = new SimulatedScheduler(0);
    private final AtomicInteger timeouts = new AtomicInteger();

    private <T> CompletableFuture<T> within(CompletableFuture<T> work) {
        return Deadline.within(work, scheduler, LIMIT, () -> {
            timeouts.incrementAndGet();
            return new IllegalStateException("too late");
        }, failure -> failure instanceof CompletionException c ? c.getCause() : failure);
    }

    @Test
    void workThatOutlastsTheLimitFailsWithTheTimeoutsExceptionAtTheLimit() {
        CompletableFuture<String> answer = within(new CompletableFuture<>());
        scheduler.advance(LIMIT.minusMillis(1));
        assertThat(answer).isNotDone();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(answer).isCompletedExceptionally();
        assertThat(failureOf(answer)).isInstanceOf(IllegalStateException.class).hasMessage("too late");
    }

    @Test
    void workDoneInTimeGivesItsValueAndCallsTheTimerOff() {
        CompletableFuture<String> work = new CompletableFuture<>();
        CompletableFuture<String> answer = within(work);
        scheduler.advance(Duration.ofMillis(100));
        work.complete("v");
        scheduler.advance(LIMIT);
        assertThat(answer).isCompletedWithValue("v");
        assertThat(timeouts).hasValue(0);
    }

    @Test
    void workAlreadyDoneNeverTimesOut() {
        CompletableFuture<String> answer = within(CompletableFuture.completedFuture("v"));
        assertThat(answer).isCompletedWithValue("v");
        assertThat(scheduler.runUntil(new CompletableFuture<>(), Duration.ofDays(1))).isFalse();
        assertThat(timeouts).hasValue(0);
    }

    @Test
    void aFailureIsWhatTheCallerMakesOfIt() {
        IllegalArgumentException cause = new IllegalArgumentException("refused");
        CompletableFuture<String> work = new CompletableFuture<>();
        CompletableFuture<String> answer = within(work);
        work.completeExceptionally(new CompletionException(cause));
        assertThat(failureOf(answer)).isSameAs(cause);
    }

    /** The exception the future itself completed with, as a framework's whenComplete sees it. */
    static Throwable failureOf(CompletableFuture<?> future) {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        future.whenComplete((value, failure) -> seen.set(failure));
        return seen.get();
    }
}
