package io.dynamo.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class KeySerializerTest {
    private final KeySerializer serializer = new KeySerializer();

    @Test
    void workOnAKeyStartsWhenTheEarlierWorkHasCompletedEvenIfItFailed() {
        CompletableFuture<String> first = new CompletableFuture<>();
        AtomicBoolean secondStarted = new AtomicBoolean();
        CompletableFuture<String> a = serializer.run(Key.of("k"), () -> first);
        CompletableFuture<String> b = serializer.run(Key.of("k"), () -> {
            secondStarted.set(true);
            return CompletableFuture.completedFuture("b");
        });
        CompletableFuture<String> other = serializer.run(Key.of("other"), () -> CompletableFuture.completedFuture("o"));
        assertThat(other).as("another key is not held up").isCompletedWithValue("o");
        assertThat(secondStarted).isFalse();
        first.completeExceptionally(new IllegalStateException("refused"));
        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedWithValue("b");
        assertThat(serializer.busyKeys()).as("nothing kept once idle").isZero();
    }

    @Test
    void workThatThrowsFailsItsOwnStageOnly() {
        CompletableFuture<String> thrown = serializer.run(Key.of("k"), () -> {
            throw new IllegalArgumentException("bad");
        });
        assertThat(thrown).isCompletedExceptionally();
        assertThat(serializer.run(Key.of("k"), () -> CompletableFuture.completedFuture("next")))
                .isCompletedWithValue("next");
        assertThat(serializer.busyKeys()).isZero();
    }
}
