package io.dynamo.core.antientropy;

import io.dynamo.core.base.Key;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.SiblingSet;
import java.util.Objects;

/**
 * Garbage collection of deletes: remove the key if its versions are still exactly this tombstone, which every
 * replica was found to hold. Reply: {@link Ack}.
 */
public record RemoveTombstone(Key key, SiblingSet versions) implements Message {
    public RemoveTombstone {
        Objects.requireNonNull(key);
        Objects.requireNonNull(versions);
    }
}
