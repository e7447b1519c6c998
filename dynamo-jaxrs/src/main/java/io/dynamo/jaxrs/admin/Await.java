package io.dynamo.jaxrs.admin;

import io.dynamo.core.base.Causes;
import jakarta.ws.rs.ServiceUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the node's answer on the request thread. The admin calls that involve other nodes are rare and short
 * (every call the node makes has its own timeout of about a second), so a bounded wait keeps the resources simple;
 * a failure comes out as the node's own exception, which the API's mappers turn into JSON.
 */
final class Await {
    /** A safety net above the node's own timeouts. */
    static final long LIMIT_SECONDS = 30;

    private Await() {
    }

    static <T> T result(CompletableFuture<T> future, String what) {
        try {
            return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = Causes.unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(what + " failed", cause);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new ServiceUnavailableException(what + " did not finish within " + LIMIT_SECONDS
                    + " s; the node's log may say why; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(what + " was interrupted: the node is stopping");
        }
    }
}
