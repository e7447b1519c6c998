package io.dynamo.jaxrs.kv;

import io.dynamo.api.KeyPaths;
import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;

/** Decodes the still-encoded {key} path segment with the API's strict decoding ({@link KeyPaths#decode}). */
public final class KeyPath {
    private KeyPath() {
    }

    public static Key decode(String encoded) {
        return decode(Key.DEFAULT_NAMESPACE, encoded);
    }

    /** The key in a namespace, whose name the caller has checked. */
    public static Key decode(String namespace, String encoded) {
        try {
            return Key.in(namespace, KeyPaths.decode(encoded));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException(e.getMessage());
        }
    }
}
