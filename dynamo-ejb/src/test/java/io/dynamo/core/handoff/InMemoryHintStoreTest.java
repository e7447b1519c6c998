package io.dynamo.core.handoff;

class InMemoryHintStoreTest extends HintStoreContract {
    @Override
    protected HintStore create() {
        return new InMemoryHintStore();
    }

    @Override
    protected HintStore reopen(HintStore closed) {
        closed.close();
        return closed;
    }
}
