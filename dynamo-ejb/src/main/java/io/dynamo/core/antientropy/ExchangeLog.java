package io.dynamo.core.antientropy;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Records how exchanges ended, per partition; snapshots are immutable. */
final class ExchangeLog {
    private final Map<Integer, PartitionStats> byPartition = new ConcurrentSkipListMap<>();

    void succeeded(ExchangeResult result, long now) {
        byPartition.compute(result.partition(),
                (p, s) -> (s == null ? PartitionStats.none(p) : s).succeeded(result, now));
    }

    void failed(int partition, String peer, Throwable why, long now) {
        String message = why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage();
        byPartition.compute(partition, (p, s) -> (s == null ? PartitionStats.none(p) : s).failed(peer, message, now));
    }

    AntiEntropyStats snapshot() {
        return AntiEntropyStats.of(new ArrayList<>(byPartition.values()));
    }
}
