package io.dynamo.jaxrs.kv;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.core.base.Causes;
import io.dynamo.core.membership.RingUnknownException;
import io.dynamo.core.node.NodeView;
import io.dynamo.jaxrs.error.ContentTypeFilter;
import io.dynamo.jaxrs.error.ErrorAnswer;
import io.dynamo.jaxrs.error.Failures;
import io.dynamo.jaxrs.error.FramingFilter;
import io.dynamo.jaxrs.security.AccessCheck;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves GET, PUT and DELETE of {@code kv/{key}} and {@code ns/{namespace}/kv/{key}} on the servlet path, before
 * JAX-RS: the same {@link KvCalls}, {@link AccessCheck} and {@link Failures} as {@link KvResource}, and the same
 * answers, without JAX-RS's routing, providers, request scope and per-request tracing listener, which cost more of a
 * node's CPU than the key-value work itself (docs/performance.md). Anything else under those paths (HEAD, OPTIONS, an
 * unusual path or header) goes on to JAX-RS, and so does a request whose framing or Content-Type the API's other
 * filters refuse; this filter answers only what it reads completely.
 *
 * <p>The request is suspended while the node works, as JAX-RS suspends it: the answer is written by the thread that
 * completes the node's stage ({@link AnswerWriters}), or at once when the stage is already done.
 */
@WebFilter(urlPatterns = {"/api/v1/kv/*", "/api/v1/ns/*"}, asyncSupported = true)
public class KvFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(KvFilter.class.getName());

    @Inject
    transient KvCalls calls;

    @Inject
    transient AccessCheck access;

    @Inject
    transient Failures failures;

    @Inject
    transient NodeView node;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        boolean get = method.equals("GET");
        if (!get && !method.equals("PUT") && !method.equals("DELETE")) {
            chain.doFilter(request, response);
            return;
        }
        KvTarget target = KvTarget.of(request.getRequestURI(), request.getContextPath());
        QueryParams query = target == null ? null : QueryParams.parse(request.getQueryString());
        Boolean json = get ? AcceptHeader.prefersJson(request.getHeader("Accept")).orElse(null) : Boolean.FALSE;
        if (query == null || json == null || !framed(request)) {
            chain.doFilter(request, response);
            return;
        }
        ringVersion(response);
        var refusal = access.check(method, target.path(), authorization(request));
        if (refusal.isPresent()) {
            if (refusal.get().challenge()) {
                response.setHeader("WWW-Authenticate", AccessCheck.CHALLENGE);
            }
            ServletAnswers.write(response, new ErrorAnswer(refusal.get().code(),
                    refusal.get().detail()));
            return;
        }
        CompletableFuture<KvAnswer> answer;
        try {
            answer = call(method, target, query, json, request).toCompletableFuture();
        } catch (RuntimeException e) {
            ServletAnswers.write(response, failures.answer(e));
            return;
        }
        if (answer.isDone()) {
            send(response, answer);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the node answers every request within its own time limit
        answer.whenComplete((done, failure) -> {
            try {
                send((HttpServletResponse) async.getResponse(), answer);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "answer of " + method + " " + target.path() + " not sent: " + e, e);
            } finally {
                async.complete();
            }
        });
    }

    private CompletionStage<KvAnswer> call(String method, KvTarget target, QueryParams query, boolean json,
                                           HttpServletRequest request) throws IOException {
        String r = query.get("r");
        String w = query.get("w");
        String context = request.getHeader(DynamoHeaders.CONTEXT);
        var ifMatch = Collections.list(request.getHeaders("If-Match"));
        var ifNoneMatch = Collections.list(request.getHeaders("If-None-Match"));
        return switch (method) {
            case "GET" -> calls.get(target::key, r, w, json);
            case "PUT" -> calls.put(target::key, r, w, query.get("dw"), context, request.getHeader("Content-Type"),
                    request.getHeader("Content-Length"), ifMatch, ifNoneMatch,
                    new TtlParam(request.getHeader(TtlParam.HEADER), query.get("ttl")), request.getInputStream());
            default -> calls.delete(target::key, r, w, query.get("dw"), context, ifMatch, ifNoneMatch);
        };
    }

    private void send(HttpServletResponse response, CompletableFuture<KvAnswer> answer) throws IOException {
        KvAnswer done;
        try {
            done = answer.join();
        } catch (RuntimeException e) {
            ServletAnswers.write(response, failures.answer(Causes.unwrap(e)));
            return;
        }
        ServletAnswers.write(response, done);
    }

    /**
     * The Authorization header as JAX-RS reads it: repeated ones joined by commas, which no identity store accepts. The
     * first alone would let a request through on one valid credential beside another.
     */
    private static String authorization(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders("Authorization"));
        return values.isEmpty() ? null : String.join(",", values);
    }

    /** What the API's framing and Content-Type filters accept; the rest goes on to them, to be refused there. */
    private static boolean framed(HttpServletRequest request) {
        String contentType = request.getHeader("Content-Type");
        return FramingFilter.problem(Collections.list(request.getHeaders("Transfer-Encoding")),
                request.getHeader("Content-Length") != null) == null
                && (contentType == null || ContentTypeFilter.parses(contentType));
    }

    /** As {@link RingVersionFilter} does for JAX-RS's answers. */
    private void ringVersion(HttpServletResponse response) {
        try {
            response.setHeader(DynamoHeaders.RING_VERSION, Long.toString(node.ring().version()));
        } catch (RingUnknownException e) {
            // No ring yet: nothing to announce.
        }
    }
}
