package io.dynamo.client.cdi;

import io.dynamo.client.DynamoClient;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The {@code dynamo.client.*} settings of a {@link DynamoClient}, read from any source of named strings (MicroProfile
 * Config in {@link DynamoClientProducer}). A setting that is missing where it is required, or that does not parse,
 * fails with an {@link IllegalArgumentException} that names it.
 *
 * @param seeds        {@code dynamo.client.seeds}: API base URIs, comma-separated (required)
 * @param user         {@code dynamo.client.user}, with {@code dynamo.client.password}: HTTP Basic credentials
 * @param asyncThreads {@code dynamo.client.async.threads}: threads that run the asynchronous calls' exchanges;
 *                     empty for the JAX-RS implementation's own pool
 */
public record DynamoClientSettings(List<URI> seeds, Optional<String> user, Optional<String> password,
                                   Optional<Duration> connectTimeout, Optional<Duration> readTimeout,
                                   OptionalInt asyncThreads) {
    public static final String PREFIX = "dynamo.client.";

    public DynamoClientSettings {
        seeds = List.copyOf(seeds);
    }

    /** Reads the settings; {@code setting} answers a setting's value by its full name, empty when not set. */
    public static DynamoClientSettings read(Function<String, Optional<String>> setting) {
        String seedList = value(setting, "seeds").orElseThrow(() -> new IllegalArgumentException("setting "
                + PREFIX + "seeds is missing: give the API base URIs of some nodes, comma-separated, e.g. "
                + "http://node1:8080/dynamo/api/v1/,http://node2:8080/dynamo/api/v1/"));
        List<URI> seeds = Arrays.stream(seedList.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> parse("seeds", s, URI::create)).toList();
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("setting " + PREFIX + "seeds names no URI");
        }
        Optional<String> user = value(setting, "user");
        Optional<String> password = value(setting, "password");
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("settings " + PREFIX + "user and " + PREFIX
                    + "password go together: set both or neither");
        }
        OptionalInt threads = value(setting, "async.threads").map(v -> OptionalInt.of(positive("async.threads", v)))
                .orElse(OptionalInt.empty());
        return new DynamoClientSettings(seeds, user, password, millis(setting, "connect.timeout.ms"),
                millis(setting, "read.timeout.ms"), threads);
    }

    /** A builder with these settings; the caller may add more (an executor for {@link #asyncThreads}, a listener). */
    public DynamoClient.Builder builder() {
        DynamoClient.Builder builder = DynamoClient.builder().seeds(seeds);
        user.ifPresent(u -> builder.credentials(u, password.orElseThrow()));
        connectTimeout.ifPresent(builder::connectTimeout);
        readTimeout.ifPresent(builder::readTimeout);
        return builder;
    }

    @Override
    public String toString() {
        return "DynamoClientSettings[seeds=" + seeds + ", user=" + user.orElse("none") + ", connectTimeout="
                + connectTimeout.map(Duration::toString).orElse("default") + ", readTimeout="
                + readTimeout.map(Duration::toString).orElse("default") + ", asyncThreads="
                + (asyncThreads.isPresent() ? asyncThreads.getAsInt() : "default") + "]";
    }

    private static Optional<String> value(Function<String, Optional<String>> setting, String name) {
        return setting.apply(PREFIX + name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<Duration> millis(Function<String, Optional<String>> setting, String name) {
        return value(setting, name).map(v -> Duration.ofMillis(positive(name, v)));
    }

    private static int positive(String name, String value) {
        int n = parse(name, value, Integer::parseInt);
        if (n < 1) {
            throw new IllegalArgumentException("setting " + PREFIX + name + " = " + value + " must be at least 1");
        }
        return n;
    }

    private static <T> T parse(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + PREFIX + name + " = '" + value + "' is invalid: "
                    + e.getMessage(), e);
        }
    }
}
