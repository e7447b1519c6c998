package io.dynamo.infra;

import io.dynamo.core.base.Key;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.version.SiblingSet;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/** Forwards every call to another engine: a {@link StorageDecorator} extends it and overrides what it changes. */
public abstract class ForwardingStorageEngine implements StorageEngine {
    private final StorageEngine delegate;

    protected ForwardingStorageEngine(StorageEngine delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    protected final StorageEngine delegate() {
        return delegate;
    }

    @Override
    public SiblingSet read(Key key) {
        return delegate.read(key);
    }

    @Override
    public SiblingSet update(Key key, UnaryOperator<SiblingSet> change) {
        return delegate.update(key, change);
    }

    @Override
    public SiblingSet updateSynced(Key key, UnaryOperator<SiblingSet> change) {
        return delegate.updateSynced(key, change);
    }

    @Override
    public boolean remove(Key key, SiblingSet expected) {
        return delegate.remove(key, expected);
    }

    @Override
    public void scan(int partition, int partitionCount, BiConsumer<Key, SiblingSet> visitor) {
        delegate.scan(partition, partitionCount, visitor);
    }

    @Override
    public void scanFrom(int partition, int partitionCount, byte[] from, RangeVisitor visitor) {
        delegate.scanFrom(partition, partitionCount, from, visitor);
    }

    @Override
    public String incarnation() {
        return delegate.incarnation();
    }

    @Override
    public long reserveCounters(long floor, int count) {
        return delegate.reserveCounters(floor, count);
    }

    @Override
    public long keyCount() {
        return delegate.keyCount();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
