package io.dynamo.client;

import io.dynamo.api.ErrorCode;
import java.net.URI;
import java.util.List;

/**
 * A request that failed: either a node answered with an error (status, the API's {@code error} code and
 * {@code detail}), or no node answered at all ({@link #status()} 0, {@link #triedNodes()} says where the client
 * tried).
 */
public class DynamoClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@link #error()} when no node could be reached. */
    public static final String UNREACHABLE = "unreachable";
    /** {@link #error()} when the JAX-RS client itself failed (e.g. no JSON-B provider on the class path). */
    public static final String CLIENT_ERROR = "client_error";
    /** {@link #error()} when a node's answer could not be read as the API's. */
    public static final String INVALID_RESPONSE = "invalid_response";

    private final int status;
    private final String error;
    private final String detail;
    private final URI node;
    private final transient List<URI> triedNodes;

    DynamoClientException(String message, int status, String error, String detail, URI node, List<URI> triedNodes,
                          Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
        this.detail = detail;
        this.node = node;
        this.triedNodes = List.copyOf(triedNodes);
    }

    /** A node's error answer; public for test doubles of code that uses the client. */
    public static DynamoClientException answered(int status, String error, String detail, URI node, List<URI> tried) {
        String message = "HTTP " + status + (error == null ? "" : " " + error)
                + (detail == null || detail.isBlank() ? "" : ": " + detail) + " (from " + node + ")";
        return new DynamoClientException(message, status, error, detail, node, tried, null);
    }

    /** No node answered. */
    static DynamoClientException unreachable(String what, List<URI> tried, Throwable lastCause) {
        String message = what + " failed: no node answered; tried " + tried
                + (lastCause == null ? "" : "; last failure: " + lastCause);
        return new DynamoClientException(message, 0, UNREACHABLE, null, null, tried, lastCause);
    }

    /** A node answered something that is not the API's answer. */
    static DynamoClientException invalidResponse(String what, int status, URI node, List<URI> tried,
                                                 Throwable cause) {
        return new DynamoClientException(what + ": HTTP " + status + " from " + node + " could not be read"
                + (cause == null ? "" : ": " + cause.getMessage()), status, INVALID_RESPONSE, null, node, tried, cause);
    }

    /** A conditional write ({@link WriteOptions#ifMatch}, {@link WriteOptions#ifAbsent}) whose condition was not met. */
    public boolean preconditionFailed() {
        return status == ErrorCode.PRECONDITION_FAILED.status() && ErrorCode.PRECONDITION_FAILED.code().equals(error);
    }

    /** The HTTP status, or 0 when no node answered. */
    public int status() {
        return status;
    }

    /**
     * The API's error code, e.g. {@code invalid_key}; {@link #UNREACHABLE}, {@link #INVALID_RESPONSE} or
     * {@link #CLIENT_ERROR} from the client itself; null when an error answer had no JSON body.
     */
    public String error() {
        return error;
    }

    /** The API's human-readable detail (or the body's text when it was not the API's JSON); may be null. */
    public String detail() {
        return detail;
    }

    /** The node that answered; null when none did. */
    public URI node() {
        return node;
    }

    /** Every node the request went to, in order, including the one that answered. */
    public List<URI> triedNodes() {
        return triedNodes == null ? List.of() : triedNodes;
    }
}
