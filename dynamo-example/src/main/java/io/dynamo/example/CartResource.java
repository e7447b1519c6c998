package io.dynamo.example;

import io.dynamo.client.DynamoClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * {@code GET} and {@code PUT /api/carts/{user}}: a cart as text, one item per line. Every failure is answered with
 * a status and a JSON error of the application's own; a slow or unreachable store is {@code 504 store_timeout}.
 */
@Path("carts/{user}")
@ApplicationScoped
public class CartResource {
    static final int MAX_USER_CHARS = 100;
    static final int MAX_CART_CHARS = 10_000;

    @Inject
    CartStore carts;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public CompletionStage<Response> get(@PathParam("user") String user) {
        Response refused = checkUser(user);
        if (refused != null) {
            return CompletableFuture.completedFuture(refused);
        }
        return answered(() -> carts.read(user).thenApply(cart -> cart
                .map(c -> Response.ok(c.items()).header("ETag", c.etag()).build())
                .orElseGet(() -> error(404, "no_cart", "user " + user + " has no cart"))));
    }

    @PUT
    @Consumes(MediaType.TEXT_PLAIN)
    public CompletionStage<Response> put(@PathParam("user") String user, @HeaderParam("If-Match") String etag,
                                         String items) {
        Response refused = checkUser(user);
        if (refused == null && (items == null || items.length() > MAX_CART_CHARS)) {
            refused = error(413, "cart_too_large", "a cart has at most " + MAX_CART_CHARS + " characters");
        }
        if (refused != null) {
            return CompletableFuture.completedFuture(refused);
        }
        return answered(() -> carts.replace(user, items, etag).thenApply(context -> Response.noContent().build()));
    }

    private static Response checkUser(String user) {
        if (user.isBlank() || user.length() > MAX_USER_CHARS) {
            return error(400, "invalid_user", "a user name has 1 to " + MAX_USER_CHARS + " characters");
        }
        return null;
    }

    /** The call's answer, or the error a failure maps to, whether the call throws or its stage fails. */
    private static CompletionStage<Response> answered(Supplier<CompletionStage<Response>> call) {
        CompletionStage<Response> stage;
        try {
            stage = call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
        return stage.exceptionally(CartResource::failure);
    }

    static Response failure(Throwable failure) {
        Throwable cause = (failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return error(504, "store_timeout", "the store did not answer in time; try again");
        }
        if (cause instanceof BulkheadException) {
            return error(503, "busy", "too many cart requests at once; try again");
        }
        if (cause instanceof DynamoClientException e) {
            if (e.preconditionFailed()) {
                return error(412, "cart_changed", "the cart changed since it was read; read it again");
            }
            return error(e.status() == 503 ? 503 : 502, "store_error", e.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            return error(400, "invalid_input", cause.getMessage());
        }
        return error(502, "store_error", String.valueOf(cause));
    }

    private static Response error(int status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", error).add("detail", detail).build().toString())
                .build();
    }
}
