package io.dynamo.jaxrs.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.api.BatchResultBody;
import io.dynamo.api.BatchResultsBody;
import io.dynamo.api.ErrorCode;
import io.dynamo.core.base.InvalidQuorumException;
import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.node.KeyValueService;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.node.WriteCondition;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.jaxrs.error.ErrorAnswer;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** A batch starts every key's request at once, waits for all, and reports each key's outcome in the batch's order. */
class BatchRunsTest {
    private final StubKeyValues node = new StubKeyValues();
    private final BatchRuns runs = new BatchRuns(node, Runnable::run, failure -> new ErrorAnswer(
            ErrorCode.INSUFFICIENT_REPLICAS, failure.getMessage()));

    @Test
    void everyReadStartsAtOnceAndTheAnswerWaitsForAll() {
        CompletableFuture<Response> answer = runs.read(List.of("a", "b"), List.of(Key.of("a"), Key.of("b")),
                OptionalInt.empty()).toCompletableFuture();

        assertThat(node.started).containsExactly("get a", "get b");
        node.pending.get("b").complete(new ReadResult(List.of(Value.of("v".getBytes(UTF_8), "text/plain")),
                Context.EMPTY));
        assertThat(answer).isNotDone();
        node.pending.get("a").complete(new ReadResult(List.of(), Context.EMPTY));

        List<BatchResultBody> results = results(answer);
        assertThat(results).extracting(BatchResultBody::key).containsExactly("a", "b");
        assertThat(results).extracting(BatchResultBody::status).containsExactly(404, 200);
        assertThat(results.get(0).error().error()).isEqualTo("not_found");
        assertThat(results.get(1).siblings()).hasSize(1);
        assertThat(results.get(1).siblings().get(0).contentType()).isEqualTo("text/plain");
    }

    @Test
    void aKeyThatFailsIsReportedInItsOwnEntry() {
        CompletableFuture<Response> answer = runs.write(List.of(write("a"), write("b")), OptionalInt.empty(),
                OptionalInt.empty()).toCompletableFuture();
        node.pending.get("a").completeExceptionally(new InsufficientReplicasException("put", Key.of("a"), 3, 2,
                "n1"));
        node.pending.get("b").complete(Context.EMPTY);

        List<BatchResultBody> results = results(answer);
        assertThat(results).extracting(BatchResultBody::status).containsExactly(503, 204);
        assertThat(results.get(0).error().error()).isEqualTo("insufficient_replicas");
        assertThat(results.get(0).context()).isNull();
        assertThat(results.get(1).error()).isNull();
    }

    @Test
    void parametersTheNodeRefusesRefuseTheWholeBatchBeforeAnyWrite() {
        node.refuse = true;

        assertThatThrownBy(() -> runs.write(List.of(write("a"), write("b")), OptionalInt.of(9), OptionalInt.empty()))
                .isInstanceOf(InvalidQuorumException.class);
        assertThat(node.started).isEmpty();
    }

    @Test
    void aLaterKeyRefusedAtOnceGetsItsOwnEntry() {
        node.refuseAfter = 1;
        CompletableFuture<Response> second = runs.write(List.of(write("c"), write("d")), OptionalInt.empty(),
                OptionalInt.empty()).toCompletableFuture();
        node.pending.get("c").complete(Context.EMPTY);
        assertThat(results(second)).extracting(BatchResultBody::status).containsExactly(204, 503);
    }

    private static BatchRequests.Write write(String key) {
        return new BatchRequests.Write(Key.of(key), key, Context.EMPTY, Value.of(new byte[] {1}, null));
    }

    private static List<BatchResultBody> results(CompletableFuture<Response> answer) {
        assertThat(answer).isDone();
        Response response = answer.join();
        assertThat(response.getStatus()).isEqualTo(200);
        return ((BatchResultsBody) response.getEntity()).results();
    }

    /** Records what was started; each key's request completes when the test says so. */
    private static final class StubKeyValues implements KeyValueService {
        final List<String> started = new ArrayList<>();
        final Map<String, CompletableFuture<Object>> pending = new LinkedHashMap<>();
        boolean refuse;
        int refuseAfter = Integer.MAX_VALUE;

        @Override
        public CompletionStage<ReadResult> get(Key key, OptionalInt readQuorum) {
            return start("get", key);
        }

        @Override
        public CompletionStage<Context> put(Key key, Context context, Value value, OptionalInt writeQuorum,
                                            OptionalInt durableWrites) {
            return start("put", key);
        }

        @Override
        public CompletionStage<Context> delete(Key key, Context context, OptionalInt writeQuorum,
                                               OptionalInt durableWrites) {
            return start("delete", key);
        }

        @Override
        public CompletionStage<Context> writeIf(WriteCondition condition, Key key, Context context, Value value,
                                                OptionalInt readQuorum, OptionalInt writeQuorum,
                                                OptionalInt durableWrites) {
            throw new AssertionError("batches make no conditional writes");
        }

        @Override
        public CompletionStage<io.dynamo.core.listing.KeyListing> keys(String namespace, byte[] prefix,
                                                                       java.util.Optional<String> cursor, int limit) {
            throw new AssertionError("batches list no keys");
        }

        @SuppressWarnings("unchecked")
        private <T> CompletableFuture<T> start(String operation, Key key) {
            if (refuse || started.size() >= refuseAfter) {
                throw new InvalidQuorumException("w=9 is out of range");
            }
            started.add(operation + " " + key);
            CompletableFuture<Object> answer = new CompletableFuture<>();
            pending.put(key.toString(), answer);
            return (CompletableFuture<T>) answer;
        }
    }
}
