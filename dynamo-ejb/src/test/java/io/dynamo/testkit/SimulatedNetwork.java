package io.dynamo.testkit;

import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.MessageCodec;
import io.dynamo.core.transport.UnreachableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A seeded network between simulated nodes: every message is encoded and decoded (as on a real wire), delayed
 * by a random amount (which reorders), and may be lost or duplicated; links can be cut and healed and nodes
 * taken off the network. Everything random comes from one seed, so a failing run replays exactly.
 */
public final class SimulatedNetwork {
    private final SimulatedScheduler scheduler;
    private final Random random;
    private final Map<String, ClusterTransport.RequestHandler> handlers = new HashMap<>();
    private final Set<String> cut = new HashSet<>();
    private int minDelayMillis = 1;
    private int maxDelayMillis = 5;
    private double lossRate;
    private double duplicateRate;
    private long delivered;
    private long dropped;

    public SimulatedNetwork(SimulatedScheduler scheduler, long seed) {
        this.scheduler = scheduler;
        this.random = new Random(seed);
    }

    public SimulatedNetwork delays(int minMillis, int maxMillis) {
        this.minDelayMillis = minMillis;
        this.maxDelayMillis = maxMillis;
        return this;
    }

    public SimulatedNetwork loss(double rate) {
        this.lossRate = rate;
        return this;
    }

    public SimulatedNetwork duplication(double rate) {
        this.duplicateRate = rate;
        return this;
    }

    public Random random() {
        return random;
    }

    /** Cuts every link between the two groups, both ways. */
    public void partition(Set<String> side, Set<String> other) {
        for (String a : side) {
            for (String b : other) {
                cut.add(link(a, b));
            }
        }
    }

    public void heal() {
        cut.clear();
    }

    public boolean connected(String a, String b) {
        return !cut.contains(link(a, b));
    }

    public long deliveredCount() {
        return delivered;
    }

    public long droppedCount() {
        return dropped;
    }

    /** The transport of one node; closing it takes the node off the network (a crash). */
    public ClusterTransport transport(String node) {
        return new ClusterTransport() {
            @Override
            public String localNode() {
                return node;
            }

            @Override
            public CompletableFuture<Message> request(String target, Message request, Duration timeout) {
                return send(node, target, request, timeout);
            }

            @Override
            public void serve(RequestHandler handler) {
                handlers.put(node, handler);
            }

            @Override
            public void close() {
                handlers.remove(node);
            }
        };
    }

    private CompletableFuture<Message> send(String from, String to, Message request, Duration timeout) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        scheduler.schedule(timeout, () -> reply.completeExceptionally(
                new UnreachableException(to, "no answer within " + timeout.toMillis() + " ms")));
        byte[] wire = MessageCodec.encode(request);
        int copies = random.nextDouble() < duplicateRate ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            travel(from, to, () -> {
                ClusterTransport.RequestHandler handler = handlers.get(to);
                if (handler == null || !handlers.containsKey(from)) {
                    dropped++;
                    return;
                }
                // (the sender still times out: a crashed peer looks the same as a slow one)
                handler.handle(from, MessageCodec.decode(wire)).whenComplete((answer, failure) -> {
                    if (answer != null) {
                        byte[] back = MessageCodec.encode(answer);
                        travel(to, from, () -> reply.complete(MessageCodec.decode(back)));
                    }
                });
            });
        }
        return reply;
    }

    /** Delivers after a random delay unless the link is cut (now or on arrival) or the message is lost. */
    private void travel(String from, String to, Runnable arrival) {
        if (!connected(from, to) || random.nextDouble() < lossRate) {
            dropped++;
            return;
        }
        int delay = minDelayMillis + random.nextInt(maxDelayMillis - minDelayMillis + 1);
        scheduler.schedule(Duration.ofMillis(delay), () -> {
            if (connected(from, to)) {
                delivered++;
                arrival.run();
            } else {
                dropped++;
            }
        });
    }

    private static String link(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
