package io.dynamo.infra.jgroups;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Views and suspicions, handed to listeners one at a time and in order, on the node's executor. A member that
 * leaves the view counts as suspected too: JGroups 5 passes a verified SUSPECT up on the coordinator only, so
 * every other node learns of a crash from the next view (and a graceful leave looks the same to a peer that
 * wanted an answer). Each node is reported once until a view shows it again.
 */
final class GroupEvents {
    private final SerialExecutor events;
    private final List<Consumer<String>> suspectListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Set<String>>> viewListeners = new CopyOnWriteArrayList<>();
    /** Touched only by tasks on {@link #events}, which run one at a time. */
    private final Set<String> reported = new HashSet<>();
    private volatile Set<String> members = Set.of();

    GroupEvents(Executor executor) {
        this.events = new SerialExecutor(executor);
    }

    void onSuspect(Consumer<String> listener) {
        suspectListeners.add(listener);
    }

    /** Registers the listener and tells it the current members first, so it misses nothing since the join. */
    void onView(Consumer<Set<String>> listener) {
        events.execute(() -> {
            viewListeners.add(listener);
            listener.accept(members);
        });
    }

    Set<String> members() {
        return members;
    }

    /** From JGroups' failure detection (already verified by VERIFY_SUSPECT2 when the stack has it). */
    void suspected(String node) {
        events.execute(() -> report(node));
    }

    void viewChanged(Set<String> newMembers, Set<String> gone) {
        events.execute(() -> {
            members = newMembers;
            gone.forEach(this::report);
            reported.removeAll(newMembers);
            viewListeners.forEach(l -> l.accept(newMembers));
        });
    }

    private void report(String node) {
        if (reported.add(node)) {
            suspectListeners.forEach(l -> l.accept(node));
        }
    }
}
