package io.dynamo.core.transfer;

import io.dynamo.core.base.Key;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.SiblingSetCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Streams one partition for a {@link TransferTask}: scans the partition's keys, then sends them in batches, each
 * batch to every target at once, waiting for all acknowledgements before the next. A drop transfer then removes
 * each acknowledged key only if it is still exactly what was sent ({@link ReplicaStore#remove}); a key that changed
 * meanwhile stays and goes out again on the next pass. A pass scans only keys (values are read when their batch
 * is sent, so what is dropped is exactly what was confirmed), keeping memory to one partition's key list.
 */
final class PartitionStreamer {
    private static final int MAX_PASSES_PER_RUN = 4;

    private final int partitionCount;
    private final ReplicaStore store;
    private final PeerChannel peers;
    private final Scheduler scheduler;
    private final TransferSettings settings;

    PartitionStreamer(int partitionCount, ReplicaStore store, PeerChannel peers, Scheduler scheduler,
            TransferSettings settings) {
        this.partitionCount = partitionCount;
        this.store = store;
        this.peers = peers;
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /** Runs the task until it is done, fails, is retargeted, or has had its passes for this turn. Never fails. */
    CompletableFuture<Void> run(TransferTask task, TransferTask.Lease lease) {
        CompletableFuture<Void> passes;
        try {
            passes = pass(task, lease, 0);
        } catch (RuntimeException e) {
            passes = CompletableFuture.failedFuture(e);
        }
        return passes.handle((ignored, failure) -> {
            task.pause(lease, failure == null ? null : describe(failure), scheduler.nowMillis(),
                    settings.tickInterval().toMillis());
            return null;
        });
    }

    private CompletableFuture<Void> pass(TransferTask task, TransferTask.Lease lease, int passesThisRun) {
        if (!task.current(lease) || passesThisRun >= MAX_PASSES_PER_RUN) {
            return CompletableFuture.completedFuture(null);
        }
        if (task.passKeys(lease) == null) {
            task.beginPass(lease, keysOf(task.partition()));
        }
        return batches(task, lease).thenCompose(complete -> {
            if (complete && !task.passDone(lease, scheduler.nowMillis())) {
                return pass(task, lease, passesThisRun + 1);
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Sends batch after batch; completes with true when the pass is complete, false when the lease went stale. */
    private CompletableFuture<Boolean> batches(TransferTask task, TransferTask.Lease lease) {
        while (true) {
            List<Key> keys = task.nextKeys(lease, settings.batchSize());
            if (keys == null) {
                return CompletableFuture.completedFuture(task.current(lease));
            }
            List<ReplicaState> states = read(keys);
            if (states.isEmpty()) {
                // Every key of the batch is gone already (dropped by an earlier pass, or removed); nothing to send.
                task.batchDone(lease, keys.size(), 0, 0, 0, scheduler.nowMillis());
                continue;
            }
            return send(task.partition(), lease.spec().targets(), states).thenCompose(acked -> {
                int dropped = lease.spec().drop() && task.current(lease) ? drop(states) : 0;
                task.batchDone(lease, keys.size(), states.size(), dropped, bytes(states), scheduler.nowMillis());
                return batches(task, lease);
            });
        }
    }

    /** Bytes of keys and versions, as encoded for the wire (the versions' encoding is cached, so this is cheap). */
    private static long bytes(List<ReplicaState> states) {
        long bytes = 0;
        for (ReplicaState s : states) {
            bytes += s.key().bytes().length + SiblingSetCodec.size(s.versions());
        }
        return bytes;
    }

    private List<Key> keysOf(int partition) {
        List<Key> keys = new ArrayList<>();
        store.storage().scan(partition, partitionCount, (key, versions) -> keys.add(key));
        return keys;
    }

    private List<ReplicaState> read(List<Key> keys) {
        List<ReplicaState> states = new ArrayList<>(keys.size());
        for (Key k : keys) {
            SiblingSet versions = store.read(k);
            if (!versions.equals(SiblingSet.EMPTY)) {
                states.add(new ReplicaState(k, versions));
            }
        }
        return states;
    }

    /** Completes when every target acknowledged the batch; fails with the first refusal or miss. */
    private CompletableFuture<Void> send(int partition, List<String> targets, List<ReplicaState> states) {
        TransferBatch batch = new TransferBatch(partition, states);
        List<CompletableFuture<Message>> calls = new ArrayList<>();
        for (String target : targets) {
            calls.add(peers.call(target, batch).thenApply(reply -> {
                if (!(reply instanceof Ack)) {
                    String why = reply instanceof Failure f ? f.message() : String.valueOf(reply);
                    throw new CompletionException(new IllegalStateException("node " + target
                            + " did not take a batch of partition " + partition + ": " + why));
                }
                return reply;
            }));
        }
        return CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]));
    }

    private int drop(List<ReplicaState> states) {
        int dropped = 0;
        for (ReplicaState s : states) {
            if (store.remove(s.key(), s.versions())) {
                dropped++;
            }
        }
        return dropped;
    }

    private static String describe(Throwable failure) {
        Throwable c = failure;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
