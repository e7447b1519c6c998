package io.dynamo.core.membership;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The newest {@link NodeLoad} this node has seen of every node, its own included. Thread-safe. */
public final class LoadTable {
    private final ConcurrentHashMap<String, NodeLoad> loads = new ConcurrentHashMap<>();

    /** This node's own count; its stamp is kept above the last one even if the clock steps back. */
    public void recordOwn(String nodeId, long keysStored, long nowMillis, NodeSettings settings) {
        loads.compute(nodeId, (id, last) -> new NodeLoad(keysStored,
                last == null ? nowMillis : Math.max(nowMillis, last.measuredAtMillis() + 1), settings));
    }

    /** Keeps, per node, the newer of the known and the received measurement. */
    public void merge(Map<String, NodeLoad> received) {
        received.forEach((id, load) -> loads.merge(id, load, (known, in) -> in.newerThan(known) ? in : known));
    }

    public Optional<NodeLoad> of(String nodeId) {
        return Optional.ofNullable(loads.get(nodeId));
    }

    public Map<String, NodeLoad> snapshot() {
        return Map.copyOf(loads);
    }
}
