package io.dynamo.core.membership;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A membership store in memory, for simulations: reuse the instance across a simulated restart. */
public final class InMemoryMembershipStore implements MembershipStore {
    private final AtomicReference<MembershipState> saved = new AtomicReference<>();
    private final AtomicInteger saves = new AtomicInteger();

    @Override
    public Optional<MembershipState> load() {
        return Optional.ofNullable(saved.get());
    }

    @Override
    public void save(MembershipState state) {
        saved.set(state);
        saves.incrementAndGet();
    }

    /** How often the state was saved, for tests. */
    public int saveCount() {
        return saves.get();
    }
}
