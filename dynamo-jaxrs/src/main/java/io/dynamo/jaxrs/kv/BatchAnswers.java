package io.dynamo.jaxrs.kv;

import io.dynamo.api.BatchResultBody;
import io.dynamo.api.ErrorCode;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.version.Context;
import io.dynamo.jaxrs.error.ErrorAnswer;
import jakarta.ws.rs.core.Response;

/**
 * One key's entry in a batch's answer, shaped as a single request for the key would have answered: its status, its
 * context and ETag, the siblings of a read, or the JSON error.
 */
final class BatchAnswers {
    private BatchAnswers() {
    }

    /** A read: 200 for one version, 300 for siblings, 404 (with a deleted key's context) when there is no value. */
    static BatchResultBody read(String name, Key key, ReadResult result) {
        String context = encoded(result.context());
        String etag = EntityTags.of(result.context()).orElse(null);
        if (!result.found()) {
            return new BatchResultBody(name, ErrorCode.NOT_FOUND.status(), context, etag, null,
                    ErrorCode.NOT_FOUND.body("key '" + key + "' has no value"));
        }
        int status = result.hasSiblings() ? KvAnswers.MULTIPLE_CHOICES : Response.Status.OK.getStatusCode();
        return new BatchResultBody(name, status, context, etag, KvAnswers.body(result).siblings(), null);
    }

    /** A put or delete made: 204 with the new version's context. */
    static BatchResultBody written(String name, Context context) {
        return new BatchResultBody(name, Response.Status.NO_CONTENT.getStatusCode(), context.encode(),
                EntityTags.of(context).orElse(null), null, null);
    }

    /** A key that failed: the status and JSON error of the answer a single request would have had. */
    static BatchResultBody failed(String name, ErrorAnswer error) {
        return new BatchResultBody(name, error.status(), null, null, null, error.body());
    }

    /** A key never written has no context: left out rather than sent empty. */
    private static String encoded(Context context) {
        return context.equals(Context.EMPTY) ? null : context.encode();
    }
}
