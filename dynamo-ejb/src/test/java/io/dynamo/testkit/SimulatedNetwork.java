package io.dynamo.testkit;

import io.dynamo.core.coordination.CoordinatePut;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.wire.MessageCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;

/**
 * A seeded network between simulated nodes: every message is encoded and decoded (as on a real wire), delayed
 * by a random amount (which reorders), and may be lost or duplicated (all but forwarded client writes); links can be
 * cut (both ways or one way) and healed and nodes taken off the network. Everything random comes from one seed, so a
 * failing run replays exactly.
 */
public final class SimulatedNetwork {
    private final SimulatedScheduler scheduler;
    private final Random random;
    private final Map<String, ClusterTransport.RequestHandler> handlers = new HashMap<>();
    private final Map<String, Integer> formats = new HashMap<>();
    /** Directed links that deliver nothing, as "from>to". */
    private final Set<String> cut = new HashSet<>();
    private Predicate<Message> ackedUnhandled = m -> false;
    /** The simulated millis at which some message was dropped, for checkers that need a loss-free window. */
    private final EventTimes dropTimes = new EventTimes();
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
                cutOneWay(a, b);
                cutOneWay(b, a);
            }
        }
    }

    /** Drops everything {@code from} sends to {@code to}; the other direction still delivers. */
    public void cutOneWay(String from, String to) {
        cut.add(from + ">" + to);
    }

    public void heal() {
        cut.clear();
    }

    /** True when both directions between the two nodes deliver. */
    public boolean connected(String a, String b) {
        return delivers(a, b) && delivers(b, a);
    }

    public boolean delivers(String from, String to) {
        return !cut.contains(from + ">" + to);
    }

    /** Whether any message was dropped (lost, cut, or sent to or from a node off the network) within the range. */
    public boolean droppedBetween(long fromMillis, long toMillis) {
        return dropTimes.anyBetween(fromMillis, toMillis);
    }

    public long deliveredCount() {
        return delivered;
    }

    public long droppedCount() {
        return dropped;
    }

    /** The transport of one node; closing it takes the node off the network (a crash). */
    /**
     * Plants a bug in every node: a request that matches is acknowledged on arrival without being handled (for
     * example a copy acknowledged before it is stored).
     */
    public void ackWithoutHandling(Predicate<Message> requests) {
        this.ackedUnhandled = requests;
    }

    /**
     * Makes {@code node} talk as a node of an older release that writes and reads wire format {@code format} at
     * most: every message to or from it is encoded in the lower of the two nodes' formats, as the real transport does.
     */
    public void wireFormat(String node, int format) {
        formats.put(node, format);
    }

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
        int format = Math.min(formats.getOrDefault(from, MessageCodec.FORMAT),
                formats.getOrDefault(to, MessageCodec.FORMAT));
        byte[] wire = MessageCodec.encode(request, format);
        // A forwarded client write is never delivered twice: the product's transport delivers at most once, and a
        // second delivery would be a second write of the client's value that no client history could account for.
        boolean twice = random.nextDouble() < duplicateRate && !(request instanceof CoordinatePut);
        int copies = twice ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            travel(from, to, () -> {
                ClusterTransport.RequestHandler handler = handlers.get(to);
                if (handler == null || !handlers.containsKey(from)) {
                    drop();
                    return;
                }
                // (the sender still times out: a crashed peer looks the same as a slow one)
                Message arrived = MessageCodec.decode(wire);
                CompletableFuture<Message> handled = ackedUnhandled.test(arrived)
                        ? CompletableFuture.completedFuture(new Ack()) : handler.handle(from, arrived);
                handled.whenComplete((answer, failure) -> {
                    if (answer != null) {
                        byte[] back = MessageCodec.encode(answer, format);
                        travel(to, from, () -> reply.complete(MessageCodec.decode(back)));
                    }
                });
            });
        }
        return reply;
    }

    /** Delivers after a random delay unless the link is cut (now or on arrival) or the message is lost. */
    private void travel(String from, String to, Runnable arrival) {
        if (!delivers(from, to) || random.nextDouble() < lossRate) {
            drop();
            return;
        }
        int delay = minDelayMillis + random.nextInt(maxDelayMillis - minDelayMillis + 1);
        scheduler.schedule(Duration.ofMillis(delay), () -> {
            if (delivers(from, to)) {
                delivered++;
                arrival.run();
            } else {
                drop();
            }
        });
    }

    private void drop() {
        dropped++;
        dropTimes.add(scheduler.nowMillis());
    }
}
