package io.dynamo.jaxrs.kv;

import io.dynamo.core.base.Key;
import io.dynamo.core.node.KeyValueService;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.WriteCondition;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Expiry;
import io.dynamo.core.version.Value;
import io.dynamo.jaxrs.metrics.RequestTimers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * What a get, put or delete of one key means, whichever way it came (the servlet path, {@link KvFilter}, or JAX-RS,
 * {@link KvResource}): its parameters and headers as sent, checked and turned into a call of the node, and the
 * node's result turned into a {@link KvAnswer}. Refused input throws at once; the node's failures fail the stage.
 *
 * <p>Application scoped and stateless: the request's values arrive as arguments.
 */
@ApplicationScoped
public class KvCalls {
    @Inject
    KeyValueService keyValues;

    @Inject
    NodeConfig config;

    @Inject
    RequestTimers timers;

    @Inject
    AnswerWriters writer;

    CompletionStage<KvAnswer> get(Supplier<Key> key, String r, String w, boolean json) {
        return timed(timers::get, () -> {
            Key k = key.get();
            OptionalInt readQuorum = QuorumParam.parse("r", r);
            QuorumParam.parse("w", w);
            return AsyncAnswer.of(keyValues.get(k, readQuorum), result -> result.found()
                    ? KvAnswers.read(result, json) : KvAnswers.notFound(k, result.context()), writer);
        });
    }

    CompletionStage<KvAnswer> put(Supplier<Key> key, String r, String w, String dw, String context,
                                  String contentType, String contentLength, List<String> ifMatch,
                                  List<String> ifNoneMatch, TtlParam ttl, InputStream body) {
        return write(timers::put, key, r, w, dw, context, ifMatch, ifNoneMatch, ttl, () -> Value.of(
                BoundedBody.read(body, contentLength, config.maxValueBytes()), contentType));
    }

    CompletionStage<KvAnswer> delete(Supplier<Key> key, String r, String w, String dw, String context,
                                     List<String> ifMatch, List<String> ifNoneMatch) {
        return write(timers::delete, key, r, w, dw, context, ifMatch, ifNoneMatch, TtlParam.NONE, Value::tombstone);
    }

    /** Checks a put's or delete's input in the order the API documents, the body last, then writes. */
    private CompletionStage<KvAnswer> write(LongConsumer timer, Supplier<Key> key, String r, String w, String dw,
                                            String context, List<String> ifMatch, List<String> ifNoneMatch,
                                            TtlParam ttl, Supplier<Value> value) {
        return timed(timer, () -> {
            Key k = key.get();
            OptionalInt readQuorum = QuorumParam.parse("r", r);
            OptionalInt writeQuorum = QuorumParam.parse("w", w);
            OptionalInt durableWrites = QuorumParam.durableWrites(dw);
            Context seen = Context.decode(context);
            WriteCondition condition = EntityTags.condition(ifMatch, ifNoneMatch);
            OptionalLong seconds = ttl.seconds();
            Value written = value.get();
            if (seconds.isPresent()) {
                // This node's clock makes the expiry; the value carries it to the coordinator and every replica.
                written = Expiry.after(written, seconds.getAsLong(), System.currentTimeMillis());
            }
            return AsyncAnswer.of(write(condition, k, seen, written, readQuorum, writeQuorum, durableWrites),
                    KvAnswers::written, writer);
        });
    }

    /** A plain put or delete, or, with a condition, one the node checks against the key's versions read at R. */
    private CompletionStage<Context> write(WriteCondition condition, Key key, Context seen, Value value,
                                           OptionalInt readQuorum, OptionalInt writeQuorum,
                                           OptionalInt durableWrites) {
        if (!condition.isNone()) {
            return keyValues.writeIf(condition, key, seen, value, readQuorum, writeQuorum, durableWrites);
        }
        return value.isTombstone() ? keyValues.delete(key, seen, writeQuorum, durableWrites)
                : keyValues.put(key, seen, value, writeQuorum, durableWrites);
    }

    /** Records the request's latency when its answer is ready, refused input included. */
    private static CompletionStage<KvAnswer> timed(LongConsumer timer, Supplier<CompletionStage<KvAnswer>> request) {
        long start = System.nanoTime();
        CompletionStage<KvAnswer> answer;
        try {
            answer = request.get();
        } catch (RuntimeException e) {
            timer.accept(start);
            throw e;
        }
        // Not the stage whenComplete returns: that one would wrap a failure in a CompletionException.
        answer.whenComplete((response, failure) -> timer.accept(start));
        return answer;
    }
}
