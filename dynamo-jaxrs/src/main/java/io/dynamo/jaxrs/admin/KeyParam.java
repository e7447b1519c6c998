package io.dynamo.jaxrs.admin;

import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;
import io.dynamo.jaxrs.kv.KeyPath;

/**
 * Decodes a still-encoded {key} path segment exactly as {@code /kv/{key}} does, and applies the node's key length
 * limit, so an admin lookup names the same key a client stores.
 */
final class KeyParam {
    private KeyParam() {
    }

    static Key decode(String encoded, int maxKeyBytes) {
        if (encoded == null || encoded.isEmpty()) {
            throw new InvalidKeyException("the key is empty; put the percent-encoded key in the path");
        }
        Key key = KeyPath.decode(encoded);
        if (key.length() > maxKeyBytes) {
            throw new InvalidKeyException("the key has " + key.length() + " bytes; the limit is " + maxKeyBytes
                    + " (setting dynamo.max.key.bytes)");
        }
        return key;
    }
}
