package io.dynamo.example;

import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import io.dynamo.client.Sibling;
import io.dynamo.client.Versions;
import io.dynamo.client.WriteOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Shopping carts in Dynamo, one key per user, through the application's one {@link DynamoClient}. Every call is
 * bounded: it fails with a {@code TimeoutException} when the store does not answer in time (the client itself would
 * wait for its read timeout, then try another node), and with a {@code BulkheadException} when too many are in
 * flight.
 *
 * <p>Each method is {@link Asynchronous} and makes a blocking call inside: the timeout then completes the caller's
 * stage on time while the call, which a thread interrupt does not stop, ends in the background (keeping its
 * bulkhead slot until then). A method that returned the client's own {@code getAsync} stage would return at once,
 * and Payara's {@link Timeout} bounds the method's run, not the stage it returns: it would never fire.
 */
@ApplicationScoped
public class CartStore {
    @Inject
    DynamoClient dynamo;

    @Inject
    @ConfigProperty(name = "example.cart.ttl.days", defaultValue = "30")
    int ttlDays;

    /**
     * The user's cart, or empty. A read changes nothing, so it is retried once when the store answers an error; a
     * timeout is not retried (the caller has waited long enough).
     */
    @Asynchronous
    @Timeout(2000)
    @Bulkhead(value = 8, waitingTaskQueue = 32)
    @Retry(maxRetries = 1, delay = 100, retryOn = DynamoClientException.class)
    public CompletionStage<Optional<Cart>> read(String user) {
        return CompletableFuture.completedFuture(cart(dynamo.get(key(user))));
    }

    /**
     * Replaces the user's cart with these items, superseding the version this application last read or wrote; with
     * an ETag, only if the cart is still that version. The cart expires {@code example.cart.ttl.days} after its last
     * change. Not retried: a write that timed out may have been made.
     *
     * @return the new version's context
     */
    @Asynchronous
    @Timeout(3000)
    @Bulkhead(value = 8, waitingTaskQueue = 32)
    public CompletionStage<String> replace(String user, String items, String etag) {
        WriteOptions options = WriteOptions.defaults().ttl(Duration.ofDays(ttlDays));
        return CompletableFuture.completedFuture(dynamo.update(key(user), items.getBytes(StandardCharsets.UTF_8),
                "text/plain", etag == null ? options : options.ifMatch(etag)));
    }

    private static String key(String user) {
        return "cart:" + user;
    }

    /** Concurrent writes leave siblings: the cart is then the union of their items, as in the Dynamo paper. */
    static Optional<Cart> cart(Versions read) {
        if (!read.found()) {
            return Optional.empty();
        }
        TreeSet<String> items = new TreeSet<>();
        for (Sibling s : read.siblings()) {
            s.asString().lines().filter(l -> !l.isBlank()).forEach(items::add);
        }
        String text = read.hasSiblings() ? String.join("\n", items) : read.siblings().get(0).asString();
        return Optional.of(new Cart(text, read.etag()));
    }

    /** A cart's items, one per line, and the ETag of the version read. */
    public record Cart(String items, String etag) {
    }
}
