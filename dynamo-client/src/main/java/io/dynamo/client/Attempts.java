package io.dynamo.client;

import io.dynamo.api.ErrorBody;
import io.dynamo.api.ErrorCode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One request's way through its route's nodes, shared by the blocking and the asynchronous calls: which node is
 * next, what a node's answer means (the request's answer, or a refusal of that node alone so the next is tried), and
 * the failure when no node gave an answer. Used by one request at a time (a blocking call's thread, or one
 * asynchronous attempt after the other).
 */
final class Attempts<T> {
    private final NodeHttp.Request request;
    private final Router router;
    private final Router.Route route;
    private final NodeHttp http;
    private final DynamoClient.Handler<T> handler;
    private final List<URI> tried = new ArrayList<>();
    private int next;
    private Throwable lastFailure;
    private DynamoClientException refusal;

    Attempts(NodeHttp.Request request, Router router, byte[] position, NodeHttp http, DynamoClient.Handler<T> handler) {
        this.request = request;
        this.router = router;
        this.route = router.route(position);
        this.http = http;
        this.handler = handler;
    }

    /** The next node to send the request to, counted as tried; empty when every node of the route was tried. */
    Optional<Candidate> next() {
        if (next == route.candidates().size()) {
            return Optional.empty();
        }
        Candidate node = route.candidates().get(next++);
        tried.add(node.base());
        return Optional.of(node);
    }

    /** The node did not answer: it is marked down and the next is worth trying. */
    void unreachable(Candidate node, Throwable cause) {
        router.down(node.base());
        report(node, 0, RouteEvent.Outcome.UNREACHABLE);
        lastFailure = cause;
    }

    /** The JAX-RS client itself failed: no other node would do better. */
    DynamoClientException clientError(Candidate node, ProcessingException e) {
        return new DynamoClientException(describe(request) + " failed at " + node.base() + ": " + e, 0,
                DynamoClientException.CLIENT_ERROR, null, node.base(), tried, e);
    }

    /**
     * The request's answer from this node (closing the response), or empty when the node refused it for itself: an
     * answer without the API's JSON error (the request never reached the application: a node still deploying, a
     * proxy) or a node-local 503. The handler's exception, for an error answer, is the request's failure.
     */
    Optional<T> answered(Candidate node, Response response) {
        try (response) {
            router.up(node.base());
            NodeHttp.ringVersionOf(response).ifPresent(v -> router.announced(v, node.base()));
            int status = response.getStatus();
            if (status >= 400) {
                ErrorBody error = NodeHttp.errorOf(response);
                if (error.error() == null || status == 503 && nodeLocal(error)) {
                    router.down(node.base());
                    report(node, status, RouteEvent.Outcome.REFUSED);
                    refusal = DynamoClientException.answered(status, error.error(), error.detail(), node.base(),
                            tried);
                    return Optional.empty();
                }
            }
            report(node, status, RouteEvent.Outcome.ANSWERED);
            return Optional.of(handler.handle(response, node.base(), List.copyOf(tried)));
        }
    }

    /** The failure once every node was tried: the last refusal, or that no node answered. */
    DynamoClientException exhausted() {
        if (refusal != null) {
            return DynamoClientException.answered(refusal.status(), refusal.error(), refusal.detail(), refusal.node(),
                    tried);
        }
        return DynamoClientException.unreachable(describe(request), tried, lastFailure);
    }

    private void report(Candidate node, int status, RouteEvent.Outcome outcome) {
        http.report(new RouteEvent(request.method(), request.pathOnly(), request.key(), node.base(), node.nodeId(),
                tried.size(), node.coordinator(), route.ringVersion(), status, outcome));
    }

    /** A refusal of that node alone (no ring yet, failed store): another node may well serve the request. */
    private static boolean nodeLocal(ErrorBody error) {
        return ErrorCode.of(error.error()).map(ErrorCode::nodeLocal).orElse(false);
    }

    static String describe(NodeHttp.Request request) {
        return request.method() + " " + request.pathOnly();
    }
}
