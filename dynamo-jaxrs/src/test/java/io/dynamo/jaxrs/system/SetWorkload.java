package io.dynamo.jaxrs.system;

import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import io.dynamo.client.ReadOptions;
import io.dynamo.client.Sibling;
import io.dynamo.client.Versions;
import io.dynamo.client.WriteOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Clients that add unique elements to a few keys by read-modify-write: read with R=2, merge the siblings as a set
 * union, add one element, write back with the read's context and W=2. Records what was attempted and acknowledged,
 * every request's outcome, and every read that missed an element acknowledged before the read began: with N equal
 * to the cluster's size and R + W > N, every read quorum meets every write quorum, so such a read is a bug.
 */
final class SetWorkload {
    static final List<String> KEYS = List.of("set-a", "set-b", "set-c", "set-d");
    private static final int EXAMPLES = 20;

    private final Map<String, Set<String>> attempted = new ConcurrentHashMap<>();
    /** Per key: each acknowledged element and when (System.nanoTime) its acknowledgement arrived. */
    private final Map<String, Map<String, Long>> acknowledged = new ConcurrentHashMap<>();
    private final Outcomes outcomes = new Outcomes();
    private final AtomicLong staleReads = new AtomicLong();
    private final Queue<String> staleExamples = new ConcurrentLinkedQueue<>();
    private final Queue<String> deaths = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    private SetWorkload() {
        KEYS.forEach(k -> {
            attempted.put(k, ConcurrentHashMap.newKeySet());
            acknowledged.put(k, new ConcurrentHashMap<>());
        });
    }

    /** Starts {@code count} client threads, each with its own DynamoClient and a random stream from the seed. */
    static SetWorkload start(int count, long seed, Supplier<DynamoClient> clientFactory) {
        SetWorkload workload = new SetWorkload();
        for (int c = 0; c < count; c++) {
            int id = c;
            Thread t = new Thread(() -> workload.run(id, new Random(seed + id), clientFactory), "client-" + c);
            t.start();
            workload.clients.add(t);
        }
        return workload;
    }

    /** Stops the clients; one still running after {@code limit} (a hung request) counts as a death. */
    void stop(Duration limit) throws InterruptedException {
        running.set(false);
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : clients) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                deaths.add(t.getName() + " still running " + limit.toSeconds() + " s after the stop");
            }
        }
    }

    private void run(int id, Random random, Supplier<DynamoClient> clientFactory) {
        try (DynamoClient dynamo = clientFactory.get()) {
            for (int n = 0; running.get(); n++) {
                String key = KEYS.get(random.nextInt(KEYS.size()));
                addElement(dynamo, key, "c" + id + "-" + n);
            }
        } catch (RuntimeException | Error e) {
            deaths.add(Thread.currentThread().getName() + " died of " + e + " at " + List.of(e.getStackTrace())
                    .subList(0, Math.min(5, e.getStackTrace().length)));
        }
    }

    private void addElement(DynamoClient dynamo, String key, String element) {
        Versions read;
        long readStarted = System.nanoTime();
        try {
            read = dynamo.get(key, ReadOptions.quorum(2));
            outcomes.succeeded("GET");
        } catch (DynamoClientException e) {
            outcomes.failed("GET", e);
            return;
        }
        Set<String> elements = union(read);
        checkNotStale(key, elements, readStarted);
        elements.add(element);
        attempted.get(key).add(element);
        try {
            dynamo.put(key, read.context(), String.join("\n", elements).getBytes(StandardCharsets.UTF_8),
                    "text/plain", WriteOptions.quorum(2));
            acknowledged.get(key).put(element, System.nanoTime());
            outcomes.succeeded("PUT");
        } catch (DynamoClientException e) {
            outcomes.failed("PUT", e); // not acknowledged: it may or may not be there afterwards
        }
    }

    private void checkNotStale(String key, Set<String> read, long readStarted) {
        List<String> missed = new ArrayList<>();
        acknowledged.get(key).forEach((element, ackedAt) -> {
            if (ackedAt < readStarted && !read.contains(element)) {
                missed.add(element);
            }
        });
        if (!missed.isEmpty() && staleReads.getAndIncrement() < EXAMPLES) {
            staleExamples.add("a read of " + key + " missed " + missed.size() + " element(s) acknowledged before it"
                    + " began, e.g. " + missed.subList(0, Math.min(5, missed.size())));
        }
    }

    static Set<String> union(Versions versions) {
        Set<String> elements = new TreeSet<>();
        for (Sibling sibling : versions.siblings()) {
            for (String e : sibling.asString().split("\n")) {
                if (!e.isEmpty()) {
                    elements.add(e);
                }
            }
        }
        return elements;
    }

    Set<String> attempted(String key) {
        return attempted.get(key);
    }

    Set<String> acknowledged(String key) {
        return acknowledged.get(key).keySet();
    }

    long attemptedCount() {
        return attempted.values().stream().mapToLong(Set::size).sum();
    }

    long acknowledgedCount() {
        return acknowledged.values().stream().mapToLong(Map::size).sum();
    }

    Outcomes outcomes() {
        return outcomes;
    }

    long staleReads() {
        return staleReads.get();
    }

    List<String> staleExamples() {
        return List.copyOf(staleExamples);
    }

    /** Client threads that died of an exception the workload does not expect, or hung. */
    List<String> deaths() {
        return List.copyOf(deaths);
    }
}
