package io.dynamo.core.version;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a client read, returned with every get and given back with the next put or delete. Opaque to clients: on
 * the wire it is base64url (no padding) of {@link ContextCodec}'s compact binary form.
 */
public record Context(VectorClock clock) {
    public static final Context EMPTY = new Context(VectorClock.EMPTY);

    public Context {
        Objects.requireNonNull(clock, "clock");
    }

    /** Decodes a header value; absent or blank means "I have seen nothing". */
    public static Context decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return EMPTY;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedContextException("the context is not base64url: " + e.getMessage()
                    + "; send back the X-Dynamo-Context value exactly as a get or put returned it");
        }
        return new Context(ContextCodec.decode(bytes));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ContextCodec.encode(clock));
    }

    /**
     * A short opaque name of what this context has seen (the REST API's ETag): base64url of the first 16 bytes of a
     * SHA-256 over each entry's actor and counter. Equal contexts ({@link VectorClock#equals}, which ignores the
     * entries' times) get the same tag on every node; a write changes it, since it advances a counter. Empty for the
     * empty context (a key never written has no version to name).
     */
    public Optional<String> tag() {
        if (clock.isEmpty()) {
            return Optional.empty();
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (VectorClock.Entry e : clock.entries()) {
            byte[] actor = e.actor().getBytes(StandardCharsets.UTF_8);
            sha.update(intBytes(actor.length));
            sha.update(actor);
            sha.update(longBytes(e.counter()));
        }
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), 16)));
    }

    /**
     * The newest time in the clock (milliseconds since the epoch): the coordinating node's wall-clock time of the
     * latest write this context has seen, as the node stamped it. Empty for the empty context.
     */
    public OptionalLong newestTime() {
        return clock.entries().stream().mapToLong(VectorClock.Entry::time).max();
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    public Context merge(Context other) {
        return new Context(clock.merge(other.clock));
    }

    @Override
    public String toString() {
        return "Context" + clock;
    }
}
