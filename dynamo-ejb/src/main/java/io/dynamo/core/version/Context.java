package io.dynamo.core.version;

import java.util.Base64;
import java.util.Objects;

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

    public Context merge(Context other) {
        return new Context(clock.merge(other.clock));
    }

    @Override
    public String toString() {
        return "Context" + clock;
    }
}
