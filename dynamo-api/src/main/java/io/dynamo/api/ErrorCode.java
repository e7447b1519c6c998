package io.dynamo.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code error} codes of the API's {@link ErrorBody}, each with the status it comes with. The server's exception
 * mappers answer with these; clients read them to decide what an answer means ({@link #nodeLocal()}: worth asking
 * another node). JAX-RS's own refusals of a request (no such path, method or media type) answer a code made from the
 * status's reason phrase, e.g. {@code method_not_allowed}: the ones the API documents are listed here.
 */
public enum ErrorCode {
    INVALID_KEY(400),
    INVALID_PARAMETER(400),
    INVALID_QUORUM(400),
    MALFORMED_CONTEXT(400),
    MALFORMED_ETAG(400),
    INVALID_HEADER(400),
    INVALID_BODY(400),
    INVALID_REQUEST(400),
    INVALID_PARTITION(400),
    INVALID_NAMESPACE(400),
    INVALID_BATCH(400),
    INVALID_CURSOR(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    ADMIN_DISABLED(403),
    NOT_FOUND(404),
    NAMESPACE_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    STALE_PLAN(409),
    RING_CHANGING(409),
    JOIN_REFUSED(409),
    CHANGE_REFUSED(409),
    TOO_MANY_SIBLINGS(409),
    EXCHANGE_NOT_POSSIBLE(409),
    BACKUP_RUNNING(409),
    NAMESPACE_CONFLICT(409),
    PRECONDITION_FAILED(412),
    VALUE_TOO_LARGE(413),
    BATCH_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    INTERNAL_ERROR(500),
    INVALID_CONFIG(500),
    NODE_ERROR(500),
    REMOTE_REFUSED(502),
    ANTI_ENTROPY_FAILED(503),
    INSUFFICIENT_REPLICAS(503),
    RING_UNKNOWN(503),
    NODE_UNREACHABLE(503),
    STORAGE_UNAVAILABLE(503),
    OVERLOADED(503);

    private static final Map<String, ErrorCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

    private final int status;
    private final String code;

    ErrorCode(int status) {
        this.status = status;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** The HTTP status the code comes with. */
    public int status() {
        return status;
    }

    /** The code as it appears in {@link ErrorBody#error()}, e.g. {@code invalid_key}. */
    public String code() {
        return code;
    }

    /**
     * A refusal of this node alone (it has no ring yet, its store failed, or it has as many requests in flight as it
     * takes): another node may well serve the same request.
     */
    public boolean nodeLocal() {
        return this == RING_UNKNOWN || this == STORAGE_UNAVAILABLE || this == OVERLOADED;
    }

    /** The code of an error body; empty for null or a code this API version does not know. */
    public static Optional<ErrorCode> of(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** An error body with this code. */
    public ErrorBody body(String detail) {
        return new ErrorBody(code, detail);
    }
}
