package io.dynamo.jaxrs.kv;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.api.ErrorCode;
import io.dynamo.api.SiblingBody;
import io.dynamo.api.VersionsBody;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.HybridTime;
import io.dynamo.core.version.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answers of the key-value requests: a read (raw bytes, or JSON for siblings or when asked), a write, a miss. */
final class KvAnswers {
    /** RFC 9110 15.4.1. */
    static final int MULTIPLE_CHOICES = 300;
    static final String ETAG = "ETag";
    static final String VARY = "Vary";
    private static final int OK = 200;
    private static final int NO_CONTENT = 204;
    private static final int NOT_FOUND = 404;

    private KvAnswers() {
    }

    static KvAnswer read(ReadResult result, boolean json) {
        Map<String, String> headers = withContext(result.context());
        headers.put(VARY, "Accept");
        long modified = lastModified(result);
        if (result.hasSiblings()) {
            return new KvAnswer(MULTIPLE_CHOICES, body(result), KvAnswer.JSON, headers, modified);
        }
        if (json) {
            return new KvAnswer(OK, body(result), KvAnswer.JSON, headers, modified);
        }
        Value value = result.values().get(0);
        // The stored type is echoed exactly as the client sent it.
        return new KvAnswer(OK, value.bytes(), value.contentType(), headers, modified);
    }

    static KvAnswer written(Context context) {
        return new KvAnswer(NO_CONTENT, null, null, withContext(context), -1);
    }

    /** A deleted key still has a context (its tombstones); hand it out so a re-put supersedes the delete. */
    static KvAnswer notFound(Key key, Context context) {
        Map<String, String> headers = context.equals(Context.EMPTY) ? new LinkedHashMap<>() : withContext(context);
        return new KvAnswer(NOT_FOUND, ErrorCode.NOT_FOUND.body("key '" + key + "' has no value"), KvAnswer.JSON,
                headers, -1);
    }

    private static Map<String, String> withContext(Context context) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DynamoHeaders.CONTEXT, context.encode());
        EntityTags.of(context).ifPresent(tag -> headers.put(ETAG, tag));
        return headers;
    }

    /** The JSON form of a read, each version with its write time when known; batches list its siblings too. */
    static VersionsBody body(ReadResult result) {
        Base64.Encoder base64 = Base64.getEncoder();
        List<SiblingBody> siblings = new ArrayList<>(result.values().size());
        for (int i = 0; i < result.values().size(); i++) {
            Value v = result.values().get(i);
            HybridTime time = result.times().get(i);
            siblings.add(new SiblingBody(base64.encodeToString(v.bytes()), v.contentType(),
                    time.isKnown() ? Instant.ofEpochMilli(time.millis()).toString() : null));
        }
        return new VersionsBody(result.context().encode(), siblings);
    }

    /**
     * The newest write time of the read's versions; for versions written before nodes kept them, the newest time in
     * the context (when the coordinating node last stamped a write of the key, a delete included).
     */
    static long lastModified(ReadResult result) {
        long newest = result.times().stream().filter(HybridTime::isKnown).mapToLong(HybridTime::millis).max()
                .orElse(-1L);
        return newest >= 0 ? newest : result.context().newestTime().orElse(-1L);
    }
}
