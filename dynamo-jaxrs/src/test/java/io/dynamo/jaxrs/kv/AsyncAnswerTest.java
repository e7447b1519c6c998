package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.store.TooManySiblingsException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AsyncAnswerTest {
    /** Runs nothing until told, so a test sees which work was handed to it. */
    private final List<Runnable> handedToWriter = new ArrayList<>();
    private final Executor writer = handedToWriter::add;

    @Test
    void aFailureReachesTheMappersAsTheNodesExceptionNotAWrapper() {
        TooManySiblingsException refused = new TooManySiblingsException("65 siblings");
        CompletionStage<Response> answer = AsyncAnswer.of(CompletableFuture.failedFuture(
                new CompletionException(refused)), v -> Response.ok().build(), writer);
        assertThat(failureOf(answer)).isSameAs(refused);
    }

    @Test
    void anAnswerReadyAtOnceIsShapedOnTheRequestsThread() {
        CompletionStage<Response> answer = AsyncAnswer.of(CompletableFuture.completedFuture("v"),
                v -> Response.ok(v).build(), writer);
        assertThat(handedToWriter).isEmpty();
        assertThat(answer.toCompletableFuture().join().getEntity()).isEqualTo("v");
    }

    @Test
    void anAnswerTheNodeCompletesLaterIsShapedAndWrittenByTheWriter() {
        CompletableFuture<String> result = new CompletableFuture<>();
        CompletionStage<Response> answer = AsyncAnswer.of(result, v -> Response.ok(v).build(), writer);
        result.complete("v");
        assertThat(answer.toCompletableFuture()).isNotDone();
        assertThat(handedToWriter).hasSize(1);
        handedToWriter.get(0).run();
        assertThat(answer.toCompletableFuture().join().getEntity()).isEqualTo("v");
    }

    @Test
    void aFailureWhileShapingFailsTheAnswer() {
        IllegalStateException broken = new IllegalStateException("cannot shape");
        CompletionStage<Response> answer = AsyncAnswer.of(CompletableFuture.completedFuture("v"), v -> {
            throw broken;
        }, writer);
        assertThat(failureOf(answer)).isSameAs(broken);
    }

    /** What JAX-RS's callback on the returned stage receives. */
    private static Throwable failureOf(CompletionStage<?> stage) {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        stage.whenComplete((value, failure) -> seen.set(failure));
        return seen.get();
    }
}
