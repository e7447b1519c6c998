package io.dynamo.jaxrs.kv;

import io.dynamo.api.KeyPaths;
import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;

/** Decodes the still-encoded {key} path segment with the API's strict decoding ({@link KeyPaths#decode}). */
public final class KeyPath {
    private KeyPath() {
    }

    public static Key decode(String encoded) {
        try {
            return Key.of(KeyPaths.decode(encoded));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException(e.getMessage());
        }
    }
}
