package io.dynamo.client;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.api.ErrorBody;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.CompletionStageRxInvoker;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One HTTP exchange with one node over the JAX-RS client, telling "the node did not answer" (worth trying another)
 * apart from everything else, and reporting each attempt to the listener.
 */
final class NodeHttp {
    private static final Logger LOG = Logger.getLogger(NodeHttp.class.getName());

    private final Client client;
    private final Consumer<RouteEvent> listener;

    NodeHttp(Client client, Consumer<RouteEvent> listener) {
        this.client = client;
        this.listener = listener;
    }

    /**
     * What to send, relative to a node's API base.
     *
     * @param path    e.g. {@code kv/a%2Fb?r=2}: already encoded, used verbatim
     * @param key     the key, for events; null for admin requests
     * @param accept  the Accept header, or null
     * @param headers further headers (null values are left out)
     * @param entity  the body, or null
     */
    record Request(String method, String path, String key, String accept, Map<String, String> headers,
                   Entity<?> entity) {
        String pathOnly() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
    }

    /** The node did not answer: the cause is the I/O failure. */
    static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Sends the request; the caller must close the response.
     *
     * @throws Unreachable         when the connection failed, was reset or timed out
     * @throws ProcessingException any other failure of the JAX-RS client
     */
    Response send(URI base, Request request) throws Unreachable {
        Invocation.Builder call = call(base, request);
        try {
            return request.entity() == null ? call.method(request.method())
                    : call.method(request.method(), request.entity());
        } catch (ProcessingException e) {
            if (causedByIo(e)) {
                throw new Unreachable(e.getCause());
            }
            throw e;
        }
    }

    /**
     * {@link #send} through the JAX-RS client's asynchronous invoker; the caller must close the response. The stage
     * fails with {@link Unreachable} when the node did not answer, else with the client's exception itself.
     */
    CompletableFuture<Response> sendAsync(URI base, Request request) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        CompletionStage<Response> sent;
        try {
            CompletionStageRxInvoker call = call(base, request).rx();
            sent = request.entity() == null ? call.method(request.method())
                    : call.method(request.method(), request.entity());
        } catch (ProcessingException e) {
            answer.completeExceptionally(classified(e));
            return answer;
        }
        sent.whenComplete((response, failure) -> {
            if (failure == null) {
                answer.complete(response);
            } else {
                answer.completeExceptionally(classified(failure));
            }
        });
        return answer;
    }

    private Invocation.Builder call(URI base, Request request) {
        // The path is built here rather than with WebTarget.path(), which would treat '{' as a template and
        // re-encode; a full URI is used as given.
        Invocation.Builder call = client.target(URI.create(base + request.path())).request();
        if (request.accept() != null) {
            call.accept(request.accept());
        }
        request.headers().forEach((name, value) -> {
            if (value != null) {
                call.header(name, value);
            }
        });
        return call;
    }

    /** An asynchronous failure as {@link #send} reports it: unwrapped, and {@link Unreachable} for I/O. */
    private static Throwable classified(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof ProcessingException && causedByIo(t) ? new Unreachable(t.getCause()) : t;
    }

    void report(RouteEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // A listener only watches; its failure must not fail the request.
            LOG.log(Level.WARNING, "a DynamoClient route listener failed", e);
        }
    }

    /** The error body of a non-2xx answer: the API's JSON, or the body's text as the detail. */
    static ErrorBody errorOf(Response response) {
        try {
            if (!response.hasEntity()) {
                return new ErrorBody(null, null);
            }
            response.bufferEntity();
            if (isJson(response)) {
                try {
                    ErrorBody body = response.readEntity(ErrorBody.class);
                    if (body != null && body.error() != null) {
                        return body;
                    }
                } catch (ProcessingException e) {
                    // not the API's error shape; fall through to the text
                }
            }
            String text = response.readEntity(String.class);
            return new ErrorBody(null, text.length() > 500 ? text.substring(0, 500) + "..." : text);
        } catch (ProcessingException | IllegalStateException e) {
            return new ErrorBody(null, null);
        }
    }

    static boolean isJson(Response response) {
        MediaType type = response.getMediaType();
        return type != null && !type.isWildcardType() && !type.isWildcardSubtype()
                && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    static OptionalLong ringVersionOf(Response response) {
        String header = response.getHeaderString(DynamoHeaders.RING_VERSION);
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
