package io.dynamo.jaxrs.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Authorization headers the identity stores accepted in the last minute, with the groups they gave. Asking the
 * stores costs more than a key-value request's own work (Jakarta Security's handler walks every store bean), and
 * a client sends the same header on every request; a digest and a map lookup answer it instead. Only the SHA-256 of
 * the header is kept, never the header or a password; a header no store accepted is never remembered, so a wrong
 * password is checked against the stores every time. Entries live for {@link #LIFETIME_MILLIS}, so a credential an
 * identity store stops accepting is refused within a minute; at most {@link #MAX_ENTRIES} are kept.
 */
final class VerifiedCredentials {
    static final long LIFETIME_MILLIS = 60_000;
    static final int MAX_ENTRIES = 1024;

    private record Verified(Set<String> groups, long until) {
    }

    private final Map<ByteBuffer, Verified> verified = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    VerifiedCredentials(LongSupplier clock) {
        this.clock = clock;
    }

    /** The groups a store gave this header less than a minute ago, if any. */
    Optional<Set<String>> groups(String authorization) {
        ByteBuffer key = digest(authorization);
        Verified v = verified.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (clock.getAsLong() >= v.until()) {
            verified.remove(key, v);
            return Optional.empty();
        }
        return Optional.of(v.groups());
    }

    void remember(String authorization, Set<String> groups) {
        if (verified.size() >= MAX_ENTRIES) {
            // Many distinct valid headers at once: rare (one per user), so starting over costs little.
            verified.clear();
        }
        verified.put(digest(authorization), new Verified(Set.copyOf(groups), clock.getAsLong() + LIFETIME_MILLIS));
    }

    int size() {
        return verified.size();
    }

    private static ByteBuffer digest(String authorization) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                    .digest(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
