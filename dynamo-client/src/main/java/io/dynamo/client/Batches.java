package io.dynamo.client;

import io.dynamo.api.BatchItemBody;
import io.dynamo.api.BatchItemsBody;
import io.dynamo.api.BatchKeysBody;
import io.dynamo.api.BatchResultBody;
import io.dynamo.api.BatchResultsBody;
import io.dynamo.api.ErrorCode;
import io.dynamo.api.KeyPaths;
import io.dynamo.api.SiblingBody;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The batch requests ({@code _mget}, {@code _mput} under a key space's path) and their answers, for
 * {@link DynamoClient} and {@link NamespaceClient}. A batch goes whole to one node, which runs each key through its
 * coordinator; arguments the node would refuse for the whole batch are refused here first.
 */
final class Batches {
    private Batches() {
    }

    /** {@code POST {prefix}_mget}, e.g. prefix {@code kv/}. */
    static NodeHttp.Request read(String prefix, List<String> keys, ReadOptions options) {
        checkSize(keys);
        keys.forEach(KeyPaths::forRequest);
        return new NodeHttp.Request("POST", prefix + "_mget" + Quorums.query("r", options.r()), null,
                MediaType.APPLICATION_JSON, Map.of(), Entity.json(new BatchKeysBody(List.copyOf(keys))));
    }

    /**
     * {@code POST {prefix}_mput}; a batch takes no condition ({@code ifMatch}, {@code ifAbsent}). The options' ttl
     * goes to each put that gives none of its own.
     */
    static NodeHttp.Request write(String prefix, List<BatchWrite> writes, WriteOptions options) {
        checkSize(writes);
        if (options.matching() != null || options.onlyIfAbsent()) {
            throw new IllegalArgumentException("a batch takes no condition (ifMatch, ifAbsent): put such keys one"
                    + " by one");
        }
        Base64.Encoder base64 = Base64.getEncoder();
        List<BatchItemBody> items = new ArrayList<>(writes.size());
        for (BatchWrite w : writes) {
            KeyPaths.forRequest(Objects.requireNonNull(w, "write").key());
            items.add(w.isDelete() ? new BatchItemBody(w.key(), null, null, w.context(), true, null)
                    : new BatchItemBody(w.key(), base64.encodeToString(w.value()), w.contentType() == null ? null
                    : DynamoClient.mediaType(w.contentType()).toString(), w.context(), null, ttlSeconds(w, options)));
        }
        return new NodeHttp.Request("POST", prefix + "_mput" + options.query(), null, MediaType.APPLICATION_JSON,
                Map.of(), Entity.json(new BatchItemsBody(items)));
    }

    private static Long ttlSeconds(BatchWrite write, WriteOptions options) {
        if (write.ttl() != null) {
            return WriteOptions.ttlSeconds(write.ttl());
        }
        return options.ttl().map(WriteOptions::ttlSeconds).orElse(null);
    }

    static List<BatchResult<Versions>> reads(Response response, URI node, List<URI> tried) {
        List<BatchResult<Versions>> out = new ArrayList<>();
        for (BatchResultBody r : results(response, node, tried)) {
            if (r.status() == 200 || r.status() == 300) {
                out.add(new BatchResult<>(r.key(), r.status(), new Versions(true, r.context(), siblings(r),
                        r.etag()), null));
            } else if (r.status() == 404 && r.error() != null
                    && ErrorCode.NOT_FOUND.code().equals(r.error().error())) {
                out.add(new BatchResult<>(r.key(), r.status(), Versions.missing(r.context(), r.etag()), null));
            } else {
                out.add(failed(r, node, tried));
            }
        }
        return out;
    }

    static List<BatchResult<String>> writes(Response response, URI node, List<URI> tried) {
        List<BatchResult<String>> out = new ArrayList<>();
        for (BatchResultBody r : results(response, node, tried)) {
            out.add(r.status() / 100 == 2 && r.context() != null
                    ? new BatchResult<>(r.key(), r.status(), r.context(), null) : failed(r, node, tried));
        }
        return out;
    }

    private static List<BatchResultBody> results(Response response, URI node, List<URI> tried) {
        BatchResultsBody body = Answers.json(response, node, tried, BatchResultsBody.class);
        if (body == null || body.results() == null) {
            throw DynamoClientException.invalidResponse("a batch's answer has no results", response.getStatus(), node,
                    tried, null);
        }
        return body.results();
    }

    private static List<Sibling> siblings(BatchResultBody r) {
        Base64.Decoder base64 = Base64.getDecoder();
        return r.siblings().stream().map(s -> Answers.sibling(base64, s)).toList();
    }

    private static <T> BatchResult<T> failed(BatchResultBody r, URI node, List<URI> tried) {
        return r.error() == null ? BatchResult.failed(r.key(), r.status(), null, "no error given", node, tried)
                : BatchResult.failed(r.key(), r.status(), r.error().error(), r.error().detail(), node, tried);
    }

    private static void checkSize(List<?> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty() || batch.size() > BatchKeysBody.MAX_KEYS) {
            throw new IllegalArgumentException("a batch has 1 to " + BatchKeysBody.MAX_KEYS + " keys, not "
                    + batch.size() + "; split it");
        }
    }
}
