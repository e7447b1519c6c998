package io.dynamo.jaxrs.kv;

import io.dynamo.api.BatchResultBody;
import io.dynamo.api.BatchResultsBody;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.KeyValueService;
import io.dynamo.core.version.Context;
import io.dynamo.jaxrs.error.ErrorAnswer;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs a checked batch: every key's request through the node's {@link KeyValueService} at once (each coordinated
 * or forwarded as a single request would be), and one answer when all are done, listing each key's outcome in the
 * batch's order.
 *
 * @param errors the answer a single request failing so would have had ({@link io.dynamo.jaxrs.error.Failures})
 */
record BatchRuns(KeyValueService keyValues, Executor writer, Function<Throwable, ErrorAnswer> errors) {

    CompletionStage<Response> read(List<String> names, List<Key> keys, OptionalInt readQuorum) {
        return answer(keys.size(), i -> started(i, () -> keyValues.get(keys.get(i), readQuorum))
                .handle((result, failure) -> failure == null ? BatchAnswers.read(names.get(i), keys.get(i), result)
                        : BatchAnswers.failed(names.get(i), errors.apply(failure))));
    }

    CompletionStage<Response> write(List<BatchRequests.Write> writes, OptionalInt writeQuorum,
                                    OptionalInt durableWrites) {
        return answer(writes.size(), i -> {
            BatchRequests.Write item = writes.get(i);
            CompletionStage<Context> written = started(i, () -> item.value().isTombstone()
                    ? keyValues.delete(item.key(), item.context(), writeQuorum, durableWrites)
                    : keyValues.put(item.key(), item.context(), item.value(), writeQuorum, durableWrites));
            return written.handle((context, failure) -> failure == null ? BatchAnswers.written(item.name(), context)
                    : BatchAnswers.failed(item.name(), errors.apply(failure)));
        });
    }

    /**
     * The key's request, started. The node refuses bad parameters (a quorum out of range) at once, before starting
     * any work; they are the same for every key of a batch, so the first key's refusal is thrown and refuses the
     * whole batch before anything is read or written. A later key refused at once (the settings changed meanwhile)
     * gets its own error entry.
     */
    private static <T> CompletionStage<T> started(int index, Supplier<CompletionStage<T>> request) {
        if (index == 0) {
            return request.get();
        }
        try {
            return request.get();
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    /** Starts every key's request at once (in the batch's order) and answers when all are done. */
    private CompletionStage<Response> answer(int count, IntFunction<CompletionStage<BatchResultBody>> start) {
        List<CompletableFuture<BatchResultBody>> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(start.apply(i).toCompletableFuture());
        }
        CompletableFuture<List<BatchResultBody>> all = CompletableFuture
                .allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(done -> results.stream().map(CompletableFuture::join).toList());
        return AsyncAnswer.of(all, list -> Response.ok(new BatchResultsBody(list), MediaType.APPLICATION_JSON_TYPE)
                .build(), writer);
    }
}
