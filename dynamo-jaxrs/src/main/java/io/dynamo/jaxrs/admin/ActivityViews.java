package io.dynamo.jaxrs.admin;

import io.dynamo.api.AntiEntropyBody;
import io.dynamo.api.ExchangeBody;
import io.dynamo.api.PartitionExchangesBody;
import io.dynamo.api.TransferBody;
import io.dynamo.api.TransfersBody;
import io.dynamo.core.antientropy.AntiEntropyStats;
import io.dynamo.core.antientropy.ExchangeResult;
import io.dynamo.core.antientropy.PartitionStats;
import io.dynamo.core.node.NodeView;
import io.dynamo.core.transfer.TransferProgress;
import java.util.Comparator;
import java.util.List;

/** The node's background work (anti-entropy, partition transfer) as the wire shows it. */
final class ActivityViews {
    private ActivityViews() {
    }

    static AntiEntropyBody antiEntropy(String self, NodeView.Repairs repairs) {
        return antiEntropy(self, repairs.antiEntropy(), repairs.readRepairs(), repairs.tombstonesReaped());
    }

    static AntiEntropyBody antiEntropy(String self, AntiEntropyStats stats, long readRepairs, long tombstonesRemoved) {
        List<PartitionExchangesBody> partitions = stats.partitions().stream()
                .sorted(Comparator.comparingInt(PartitionStats::partition))
                .map(p -> new PartitionExchangesBody(p.partition(), p.lastExchangeMillis(), p.lastPeer(),
                        p.lastFailure(), p.lastKeysCompared(), p.lastKeysRepaired(), p.exchanges(), p.failures(),
                        p.keysCompared(), p.keysRepaired(), p.keysSent()))
                .toList();
        return new AntiEntropyBody(self, stats.exchanges(), stats.failures(), stats.keysCompared(),
                stats.keysRepaired(), stats.keysSent(), readRepairs, tombstonesRemoved, partitions);
    }

    static ExchangeBody exchange(String self, ExchangeResult r, long tookMillis) {
        return new ExchangeBody(self, r.partition(), r.peer(), r.inSync(), r.segmentsDiffering(), r.keysCompared(),
                r.keysReceived(), r.keysRepaired(), r.keysSent(), r.roundTrips(), tookMillis);
    }

    /** @param nowMillis the node's clock, for the rates and the time left */
    static TransfersBody transfers(String self, List<TransferProgress> progress, boolean idle, long nowMillis) {
        List<TransferBody> transfers = progress.stream()
                .sorted(Comparator.comparingInt(TransferProgress::partition)
                        .thenComparingLong(TransferProgress::ringVersion))
                .map(t -> new TransferBody(t.partition(), t.ringVersion(), t.targets(), t.drop(), t.status().name(),
                        t.keysSent(), t.keysDropped(), t.keysRetained(), t.batches(), t.passes(), t.failures(),
                        t.lastError() == null || t.lastError().isEmpty() ? null : t.lastError(), t.updatedMillis(),
                        t.bytesSent(), t.passKeys(), t.passKeysDone(), round(t.keysPerSecond(nowMillis)),
                        round(t.bytesPerSecond(nowMillis)), t.millisLeft(nowMillis).stream().boxed().findFirst()
                                .orElse(null)))
                .toList();
        return new TransfersBody(self, idle, transfers);
    }

    private static double round(double perSecond) {
        return Math.round(perSecond * 10) / 10.0;
    }
}
