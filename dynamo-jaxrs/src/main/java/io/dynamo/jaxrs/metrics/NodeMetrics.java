package io.dynamo.jaxrs.metrics;

import io.dynamo.core.handoff.HintQueue;
import io.dynamo.core.node.NodeView;
import io.dynamo.core.transfer.TransferProgress;
import io.dynamo.core.transfer.TransferStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Registers the node's replication counters as gauges once the application starts; they are read from the node
 * on each scrape, so nothing is counted twice. Request latencies are {@link RequestTimers}.
 */
@ApplicationScoped
public class NodeMetrics {
    @Inject
    NodeView node;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge("dynamo.hints.queued", node, n -> n.hints().queues().stream()
                .mapToLong(HintQueue::count).sum());
        registry.gauge("dynamo.hints.delivered", node, n -> n.hints().delivered());
        registry.gauge("dynamo.hints.bytes", node, n -> n.hints().queues().stream()
                .mapToLong(HintQueue::bytes).sum());
        registry.gauge("dynamo.hints.not.hinted", node, n -> n.hints().notHinted());
        registry.gauge("dynamo.hints.refused", node, n -> n.hints().refused());
        registry.gauge("dynamo.hints.expired", node, n -> n.hints().expired());
        registry.gauge("dynamo.antientropy.keys.repaired", node, n -> n.repairs().antiEntropy().keysRepaired());
        registry.gauge("dynamo.antientropy.exchanges", node, n -> n.repairs().antiEntropy().exchanges());
        registry.gauge("dynamo.antientropy.failures", node, n -> n.repairs().antiEntropy().failures());
        registry.gauge("dynamo.antientropy.keys.compared", node, n -> n.repairs().antiEntropy().keysCompared());
        registry.gauge("dynamo.antientropy.keys.sent", node, n -> n.repairs().antiEntropy().keysSent());
        registry.gauge("dynamo.transfers.unfinished", node, n -> unfinished(n).count());
        registry.gauge("dynamo.transfers.keys.left", node, n -> unfinished(n)
                .mapToLong(t -> t.passKeys() - t.passKeysDone()).sum());
        registry.gauge("dynamo.transfers.keys.sent", node, n -> n.transfers().progress().stream()
                .mapToLong(TransferProgress::keysSent).sum());
        registry.gauge("dynamo.transfers.bytes.sent", node, n -> n.transfers().progress().stream()
                .mapToLong(TransferProgress::bytesSent).sum());
        registry.gauge("dynamo.readrepair.copies.repaired", node, n -> n.repairs().readRepairs());
        registry.gauge("dynamo.reads.speculative", node, NodeView::speculativeReads);
        registry.gauge("dynamo.keys.stored", node, NodeView::keysStored);
    }

    private static Stream<TransferProgress> unfinished(NodeView node) {
        return node.transfers().progress().stream().filter(t -> t.status() != TransferStatus.DONE);
    }
}
