package io.dynamo.infra;

import io.dynamo.core.store.StorageEngine;

/**
 * Wraps a node's storage engine: a place to count or trace what the node stores, and the seam through which the
 * system tests plant a storage bug into real nodes to prove their checker reports it.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} on the deployment's class path: a jar in the
 * WAR's {@code WEB-INF/lib} naming its class in {@code META-INF/services/io.dynamo.infra.StorageDecorator}. The
 * product ships none. Every one found is applied when the node starts, in the order of their class names, and
 * named in a WARNING of the node's log, so a decorated node never passes for a plain one.
 */
public interface StorageDecorator {

    /**
     * @return the engine the node uses instead of {@code storage}, which it must close when closed
     *         ({@link ForwardingStorageEngine} forwards every call: a decorator overrides only what it changes)
     */
    StorageEngine decorate(StorageEngine storage);
}
