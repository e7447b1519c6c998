package io.dynamo.infra.jgroups;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jgroups.Message;
import org.jgroups.annotations.Property;
import org.jgroups.stack.Protocol;
import org.jgroups.util.MessageBatch;

/**
 * Put directly above TCP (in a test node's stack file, or inserted into a running stack): while closed, every message
 * going up or down waits, and with it the thread that carries it, as in a stopped process (its sockets fill, nothing
 * leaves it; on a stack without a thread pool the socket readers stop reading). One named in a stack file is found by
 * the node id it is given there.
 */
public final class PauseValve extends Protocol {
    private static final Map<String, PauseValve> BY_NODE = new ConcurrentHashMap<>();
    /** The longest a thread waits, so a test that fails to open the valve does not hang its JVM. */
    private static final long LONGEST_MILLIS = 30_000;

    @Property(description = "the id of the node whose stack this is")
    private String node;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicInteger blocked = new AtomicInteger();
    private volatile boolean holdsSends = true;

    public static PauseValve of(String node) {
        PauseValve valve = BY_NODE.get(node);
        if (valve == null) {
            throw new IllegalStateException("no PauseValve in the stack of " + node);
        }
        return valve;
    }

    @Override
    public void init() throws Exception {
        super.init();
        if (node != null) {
            BY_NODE.put(node, this);
        }
    }

    /** One that holds only what comes up: the node stops reading, but what it sends still leaves. */
    public static PauseValve readsOnly() {
        PauseValve valve = new PauseValve();
        valve.holdsSends = false;
        return valve;
    }

    public void close() {
        gate = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    /** How many messages were held so far. */
    public int blocked() {
        return blocked.get();
    }

    @Override
    public Object down(Message msg) {
        if (holdsSends) {
            pass();
        }
        return down_prot.down(msg);
    }

    @Override
    public Object up(Message msg) {
        pass();
        return up_prot.up(msg);
    }

    @Override
    public void up(MessageBatch batch) {
        pass();
        up_prot.up(batch);
    }

    private void pass() {
        CountDownLatch g = gate;
        if (g.getCount() > 0) {
            blocked.incrementAndGet();
            try {
                g.await(LONGEST_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
