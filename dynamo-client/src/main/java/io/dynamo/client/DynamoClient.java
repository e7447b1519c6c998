package io.dynamo.client;

import io.dynamo.api.DynamoHeaders;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A Java client for the Dynamo REST API (see {@code docs/client.md}). Thread-safe: share one instance.
 *
 * <p>Requests go straight to the key's coordinator, the head of its preference list in the ring the client fetches
 * from the cluster (the paper's client-driven coordination), and fall back to the other replicas, then to any
 * known node, when a node does not answer. Without a ring the client still works, round-robin over the nodes it
 * knows.
 */
public final class DynamoClient implements KeyValues, AutoCloseable {
    private final Client client;
    private final boolean ownsClient;
    private final NodeHttp http;
    private final Router router;
    private final Duration connectTimeout;
    private final List<ClientRequestFilter> filters;
    private final SSLContext sslContext;
    private final DynamoAdmin admin;
    private final ContextCache contexts;
    private final KeySpace defaultKeys;

    private DynamoClient(Builder b) {
        if (b.seeds.isEmpty()) {
            throw new IllegalArgumentException("give at least one seed, e.g. http://127.0.0.1:8080/dynamo/api/v1/");
        }
        this.ownsClient = b.client == null;
        this.client = ownsClient ? newClient(b) : b.client;
        if (!ownsClient) {
            b.filters.forEach(client::register);
        }
        this.http = new NodeHttp(client, b.listener);
        RingFetcher fetcher = new RingFetcher(http, b.seeds, node -> router().down(node));
        this.router = new Router(b.seeds, b.clock, b.refreshInterval, b.downFor, fetcher::fetch);
        this.connectTimeout = b.connectTimeout;
        this.filters = List.copyOf(b.filters);
        this.sslContext = b.sslContext;
        this.admin = new DynamoAdmin(this, null);
        this.contexts = new ContextCache(b.rememberedContexts);
        this.defaultKeys = KeySpace.ofDefault(this, contexts);
    }

    private static Client newClient(Builder b) {
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (b.sslContext != null) {
            builder.sslContext(b.sslContext);
        }
        if (b.asyncExecutor != null) {
            builder.executorService(b.asyncExecutor);
        }
        b.filters.forEach(builder::register);
        return builder.build();
    }

    private Router router() {
        return router;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A client with default settings for the given seeds. */
    public static DynamoClient connect(URI... seeds) {
        Builder b = builder();
        for (URI seed : seeds) {
            b.seed(seed);
        }
        return b.build();
    }

    // ---- key-value ----------------------------------------------------------------------------------------------

    @Override
    public Versions get(String key, ReadOptions options) {
        return defaultKeys.get(key, options);
    }

    @Override
    public CompletionStage<Versions> getAsync(String key, ReadOptions options) {
        return defaultKeys.getAsync(key, options);
    }

    @Override
    public String put(String key, String context, byte[] value, String contentType, WriteOptions options) {
        return defaultKeys.put(key, context, value, contentType, options);
    }

    @Override
    public CompletionStage<String> putAsync(String key, String context, byte[] value, String contentType,
                                            WriteOptions options) {
        return defaultKeys.putAsync(key, context, value, contentType, options);
    }

    @Override
    public String update(String key, byte[] value, String contentType, WriteOptions options) {
        return defaultKeys.update(key, value, contentType, options);
    }

    @Override
    public CompletionStage<String> updateAsync(String key, byte[] value, String contentType, WriteOptions options) {
        return defaultKeys.updateAsync(key, value, contentType, options);
    }

    @Override
    public String delete(String key, String context, WriteOptions options) {
        return defaultKeys.delete(key, context, options);
    }

    @Override
    public CompletionStage<String> deleteAsync(String key, String context, WriteOptions options) {
        return defaultKeys.deleteAsync(key, context, options);
    }

    @Override
    public Versions resolve(String key, Function<List<Sibling>, Sibling> merge, ReadOptions read,
                            WriteOptions write) {
        return defaultKeys.resolve(key, merge, read, write);
    }

    @Override
    public List<BatchResult<Versions>> getAll(List<String> keys, ReadOptions options) {
        return defaultKeys.getAll(keys, options);
    }

    @Override
    public List<BatchResult<String>> putAll(List<BatchWrite> writes, WriteOptions options) {
        return defaultKeys.putAll(writes, options);
    }

    @Override
    public Stream<String> keys(String prefix, int pageSize) {
        return defaultKeys.keys(prefix, pageSize);
    }

    /**
     * The keys of one namespace: the same calls, at {@code /ns/{namespace}/kv/{key}}, with the namespace's N, R, W
     * and limits, routed to each key's coordinator as the nodes place a key of the namespace. Cheap to make: it
     * shares this client's connections, ring and remembered contexts.
     *
     * @param namespace the namespace's name ({@code default} is the key space of the methods above)
     */
    public NamespaceClient namespace(String namespace) {
        return new NamespaceClient(KeySpace.of(this, contexts, namespace));
    }

    // ---- routing ------------------------------------------------------------------------------------------------

    /** The version of the ring the client routes by; empty while it has none. */
    public OptionalLong ringVersion() {
        RingSnapshot view = router.snapshot();
        return view.hasRing() ? OptionalLong.of(view.version()) : OptionalLong.empty();
    }

    /** Fetches the ring and node list now (otherwise done every refresh interval and on a stale answer). */
    public void refreshRing() {
        router.refresh();
    }

    /** Every node the client may send requests to: the nodes of its ring that have an address, then the seeds. */
    public List<URI> knownNodes() {
        return router.snapshot().nodes();
    }

    /** The admin API (ring, nodes, plans, joins and leaves, key versions, anti-entropy), routed like the rest. */
    public DynamoAdmin admin() {
        return admin;
    }

    /**
     * The admin API of one node only, e.g. {@code http://127.0.0.1:8081/dynamo/api/v1/}: for the answers that are
     * that node's own view (hints, transfers, anti-entropy). No failover: when the node does not answer, the call
     * fails with {@link DynamoClientException#UNREACHABLE}.
     */
    public DynamoAdmin admin(URI node) {
        String text = Objects.requireNonNull(node, "node").toString();
        return new DynamoAdmin(this, URI.create(text.endsWith("/") ? text : text + "/"));
    }

    // ---- event streams ------------------------------------------------------------------------------------------

    /**
     * Follows {@code GET admin/events} of the cluster: opens it on the first seed that is up (else another known
     * node), and when the stream breaks marks that node down and moves on to the next, as requests do.
     *
     * @param retry     the wait before reconnecting, until a node sends its own {@code retry:}
     * @param idleLimit how long the stream may stay silent before it counts as broken (nodes send a keep-alive
     *                  every 15 s)
     */
    public EventStream events(Duration retry, Duration idleLimit, EventStream.Listener listener) {
        return startStream(router::steady, router::down, retry, idleLimit, listener);
    }

    /** Follows {@code GET admin/events} of one node, reconnecting to that node only. */
    public EventStream events(URI node, Duration retry, Duration idleLimit, EventStream.Listener listener) {
        return startStream(() -> node, failed -> { }, retry, idleLimit, listener);
    }

    private EventStream startStream(Supplier<URI> target, Consumer<URI> failed, Duration retry, Duration idleLimit,
                                    EventStream.Listener listener) {
        // A client of its own: its read timeout is the stream's idle limit, not the requests' timeout.
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(idleLimit.toMillis(), TimeUnit.MILLISECONDS);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        filters.forEach(builder::register);
        EventStream stream = new EventStream(builder.build(), target, failed, listener, retry, idleLimit);
        stream.start();
        return stream;
    }

    /** Closes the JAX-RS client if this instance created it; a client given to the builder stays open. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    // ---- the request loop ---------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Handler<T> {
        T handle(Response response, URI node, List<URI> tried);
    }

    /**
     * Tries the route's nodes in order until one answers. A node that does not answer is marked down and the next is
     * tried; so is one that answers with a node-local 503, or with an error that is not the API's (a restarting
     * node's server answers 403 and 404 pages until the application is deployed). Any other answer, success or
     * error, is the request's.
     */
    <T> T execute(NodeHttp.Request request, byte[] position, Handler<T> handler) {
        Attempts<T> attempts = new Attempts<>(request, router, position, http, handler);
        for (Optional<Candidate> next = attempts.next(); next.isPresent(); next = attempts.next()) {
            Candidate node = next.get();
            Response response;
            try {
                response = http.send(node.base(), request);
            } catch (NodeHttp.Unreachable e) {
                attempts.unreachable(node, e.getCause());
                continue;
            } catch (ProcessingException e) {
                throw attempts.clientError(node, e);
            }
            Optional<T> answer = attempts.answered(node, response);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        throw attempts.exhausted();
    }

    /**
     * {@link #execute} without blocking: each attempt is sent with the JAX-RS client's asynchronous invoker, and the
     * next node is tried from the thread that completed the previous attempt.
     */
    <T> CompletableFuture<T> executeAsync(NodeHttp.Request request, byte[] position, Handler<T> handler) {
        Attempts<T> attempts = new Attempts<>(request, router, position, http, handler);
        CompletableFuture<T> result = new CompletableFuture<>();
        tryNext(request, attempts, result);
        return result;
    }

    private <T> void tryNext(NodeHttp.Request request, Attempts<T> attempts, CompletableFuture<T> result) {
        Optional<Candidate> next = attempts.next();
        if (next.isEmpty()) {
            result.completeExceptionally(attempts.exhausted());
            return;
        }
        Candidate node = next.get();
        http.sendAsync(node.base(), request).whenComplete((response, failure) -> {
            try {
                if (failure instanceof NodeHttp.Unreachable unreachable) {
                    attempts.unreachable(node, unreachable.getCause());
                    tryNext(request, attempts, result);
                } else if (failure instanceof ProcessingException e) {
                    result.completeExceptionally(attempts.clientError(node, e));
                } else if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    Optional<T> answer = attempts.answered(node, response);
                    if (answer.isPresent()) {
                        result.complete(answer.get());
                    } else {
                        tryNext(request, attempts, result);
                    }
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    /** Sends the request to this node alone: its answer, success or error, is the request's. */
    <T> T executeOn(URI node, NodeHttp.Request request, Handler<T> handler) {
        List<URI> tried = List.of(node);
        Response response;
        try {
            response = http.send(node, request);
        } catch (NodeHttp.Unreachable e) {
            throw DynamoClientException.unreachable(Attempts.describe(request), tried, e.getCause());
        } catch (ProcessingException e) {
            throw new DynamoClientException(Attempts.describe(request) + " failed at " + node + ": " + e, 0,
                    DynamoClientException.CLIENT_ERROR, null, node, tried, e);
        }
        try (response) {
            return handler.handle(response, node, tried);
        }
    }

    /** The headers of a put or delete: its context, conditions and time to live (namespaced requests too). */
    static Map<String, String> writeHeaders(String context, WriteOptions options) {
        Map<String, String> headers = new HashMap<>();
        headers.put(DynamoHeaders.CONTEXT, context);
        headers.put("If-Match", options.matching());
        headers.put("If-None-Match", options.onlyIfAbsent() ? "*" : null);
        headers.put(DynamoHeaders.TTL, options.ttl().map(t -> Long.toString(WriteOptions.ttlSeconds(t)))
                .orElse(null));
        return headers;
    }

    static MediaType mediaType(String contentType) {
        try {
            return MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("content type '" + contentType + "' is not a media type; use e.g. "
                    + "text/plain or application/octet-stream", e);
        }
    }

    // ---- construction -------------------------------------------------------------------------------------------

    /** Settings for a {@link DynamoClient}; only the seeds are required. Not thread-safe; build once. */
    public static final class Builder {
        private final List<URI> seeds = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration refreshInterval = Duration.ofSeconds(10);
        private Duration downFor = Duration.ofSeconds(5);
        private Client client;
        private Clock clock = Clock.systemUTC();
        private final List<ClientRequestFilter> filters = new ArrayList<>();
        private Consumer<RouteEvent> listener = event -> { };
        private int rememberedContexts = 10_000;
        private SSLContext sslContext;
        private ExecutorService asyncExecutor;

        private Builder() {
        }

        /**
         * A node to start from: the API base, e.g. {@code http://127.0.0.1:8080/dynamo/api/v1/} (a missing trailing
         * slash is added). The client learns the other nodes from the cluster; give more than one seed so that it can
         * start while one is down.
         */
        public Builder seed(URI seed) {
            Objects.requireNonNull(seed, "seed");
            if (!seed.isAbsolute() || !("http".equals(seed.getScheme()) || "https".equals(seed.getScheme()))
                    || seed.getHost() == null || seed.getRawQuery() != null || seed.getRawFragment() != null) {
                throw new IllegalArgumentException("seed " + seed + " is not an API base URI; give one like "
                        + "http://127.0.0.1:8080/dynamo/api/v1/");
            }
            String text = seed.toString();
            URI base = URI.create(text.endsWith("/") ? text : text + "/");
            if (!seeds.contains(base)) {
                seeds.add(base);
            }
            return this;
        }

        public Builder seed(String seed) {
            return seed(URI.create(seed));
        }

        public Builder seeds(List<URI> uris) {
            uris.forEach(this::seed);
            return this;
        }

        /** How long to wait for a connection to a node before trying the next (default 2 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long to wait for a node's answer before trying the next (default 10 s). Keep it above the nodes'
         * forwarding timeout (3 s by default). A write retried after a timeout may have been applied by the slow
         * node too: the retry then leaves a sibling with the same bytes, which the next resolve merges away.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** How often to fetch the ring when requests come (default 10 s); a stale answer fetches it sooner. */
        public Builder refreshInterval(Duration interval) {
            this.refreshInterval = positive(interval, "refreshInterval");
            return this;
        }

        /** How long a node that did not answer is tried last (default 5 s). */
        public Builder downFor(Duration duration) {
            this.downFor = positive(duration, "downFor");
            return this;
        }

        /**
         * Use this JAX-RS client instead of creating one: the caller configures it (timeouts included; the
         * timeouts of this builder are not applied) and closes it. Request filters are registered on it.
         */
        public Builder client(Client client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The time source for the refresh interval and for how long nodes stay marked down (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sends HTTP Basic credentials with every request, ring fetches included: a client user's where the nodes
         * require them ({@code dynamo.security.client.required}), an admin's for a tool that also uses the admin API.
         * Send them over TLS only (an {@code https} seed: a node's TLS listener or a TLS proxy, see the security docs):
         * Basic credentials are not encrypted.
         */
        public Builder credentials(String user, String password) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isEmpty() || user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a user name must be non-empty and without ':', got '" + user + "'");
            }
            String token = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return requestFilter(request -> request.getHeaders().putSingle("Authorization", token));
        }

        /**
         * The TLS context for {@code https} nodes, e.g. one that trusts a self-signed certificate ({@link TrustStores}).
         * Default: the JVM's, which trusts the JDK's certificate authorities (or {@code -Djavax.net.ssl.trustStore}).
         * Not applied to a JAX-RS client given with {@link #client(Client)}.
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * The threads that run the asynchronous calls' exchanges ({@code ClientBuilder.executorService}): the
         * JAX-RS implementation's own pool by default (Jersey's grows with the calls in flight). The caller shuts it
         * down. Not applied to a JAX-RS client given with {@link #client(Client)}.
         */
        public Builder asyncExecutor(ExecutorService executor) {
            this.asyncExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** A filter run on every request, admin fetches included (e.g. to add headers a proxy needs). */
        public Builder requestFilter(ClientRequestFilter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * Told about every attempt to reach a node, on the requesting thread, after the attempt: which node served
         * which request, and which were skipped. Must be quick and thread-safe; its exceptions are logged and
         * ignored.
         */
        public Builder listener(Consumer<RouteEvent> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * How many keys' contexts {@link DynamoClient#update} remembers (default 10,000, the most recently used; about
         * 100 bytes each); 0 remembers none, so every update reads first.
         */
        public Builder rememberContexts(int keys) {
            if (keys < 0) {
                throw new IllegalArgumentException("rememberContexts must be 0 or more, got " + keys);
            }
            this.rememberedContexts = keys;
            return this;
        }

        public DynamoClient build() {
            return new DynamoClient(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
