package io.dynamo.core.store;

class InMemoryStorageEngineTest extends StorageEngineContract {
    @Override
    protected StorageEngine create() {
        return new InMemoryStorageEngine();
    }

    @Override
    protected StorageEngine reopen(StorageEngine closed) {
        return InMemoryStorageEngine.reopen((InMemoryStorageEngine) closed);
    }
}
