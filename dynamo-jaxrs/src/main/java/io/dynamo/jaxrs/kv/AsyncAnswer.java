package io.dynamo.jaxrs.kv;

import io.dynamo.core.base.Causes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Turns the node's stage into the stage of a request's answer (the request is suspended and resumed when the stage
 * completes, so no HTTP thread waits for the cluster).
 *
 * <p>A failure comes out as the node's exception itself, never inside a
 * {@link java.util.concurrent.CompletionException}, so the API's failure table sees the type it maps. A stage that
 * completes later completes on another thread (one of the node's, answering a peer), and the response is written on
 * the thread that completes the returned stage: the answer is handed to {@code writer} ({@link AnswerWriters} in
 * the server) so no thread of the node writes to a slow client. A stage already done (a node that is the only
 * replica) is answered on the request's own thread.
 */
final class AsyncAnswer {
    private AsyncAnswer() {
    }

    static <T, A> CompletionStage<A> of(CompletionStage<T> result, Function<T, A> shape, Executor writer) {
        CompletableFuture<A> answer = new CompletableFuture<>();
        BiConsumer<T, Throwable> finish = (value, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(Causes.unwrap(failure));
                return;
            }
            try {
                answer.complete(shape.apply(value));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        };
        CompletableFuture<T> f = result.toCompletableFuture();
        if (f.isDone()) {
            f.whenComplete(finish);
        } else {
            f.whenCompleteAsync(finish, writer);
        }
        return answer;
    }
}
