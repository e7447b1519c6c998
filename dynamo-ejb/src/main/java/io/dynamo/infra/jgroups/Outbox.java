package io.dynamo.infra.jgroups;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The frames waiting to go to one peer, sent in order by at most one executor thread at a time.
 *
 * <p>Why: a send can wait, for flow-control credits a peer returns only while it reads. A peer that stops reading
 * (a stopped process, a long pause) would otherwise hold one executor thread per frame sent to it, until every
 * thread of the node waited for it and nothing else was sent, served or completed until the peer left the view.
 * Here it holds one thread at most, and once {@code maxBytes} wait for it, further frames are refused at once, so
 * callers treat the peer as unreachable (a write goes to the next node of the preference list with a hint).
 */
final class Outbox {
    /** How a frame leaves; may block. */
    interface Wire {
        void send(byte[] frame) throws Exception;
    }

    /** Frames sent per turn on the executor, so a busy peer's drain does not keep a thread from other work. */
    static final int FRAMES_PER_TURN = 64;

    private record Frame(byte[] bytes, Consumer<Exception> onFailure) {
    }

    private final Wire wire;
    private final Executor executor;
    private final long maxBytes;
    private final Queue<Frame> frames = new ArrayDeque<>();
    private long queuedBytes;
    private boolean draining;
    private boolean closed;

    Outbox(Wire wire, Executor executor, long maxBytes) {
        this.wire = wire;
        this.executor = executor;
        this.maxBytes = maxBytes;
    }

    /**
     * Queues a frame, or refuses it (false) when this outbox is closed or {@code maxBytes} already wait; a frame
     * larger than that is still taken when nothing waits. {@code onFailure} (may be null) hears of a failed send.
     */
    boolean offer(byte[] frame, Consumer<Exception> onFailure) {
        synchronized (this) {
            if (closed || (!frames.isEmpty() && queuedBytes + frame.length > maxBytes)) {
                return false;
            }
            frames.add(new Frame(frame, onFailure));
            queuedBytes += frame.length;
            if (draining) {
                return true;
            }
            draining = true;
        }
        schedule();
        return true;
    }

    /** Bytes waiting, not counting a frame being sent. */
    synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** Refuses further frames and hands back the unsent ones' failure callbacks, for the caller to fail. */
    List<Consumer<Exception>> close() {
        List<Consumer<Exception>> unsent = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Frame f : frames) {
                if (f.onFailure() != null) {
                    unsent.add(f.onFailure());
                }
            }
            frames.clear();
            queuedBytes = 0;
        }
        return unsent;
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // Shutting down: fail what waits rather than keep it forever.
            for (Consumer<Exception> onFailure : close()) {
                onFailure.accept(e);
            }
        }
    }

    private void drain() {
        for (int sent = 0; sent < FRAMES_PER_TURN; sent++) {
            Frame next;
            synchronized (this) {
                next = frames.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
                queuedBytes -= next.bytes().length;
            }
            try {
                wire.send(next.bytes());
            } catch (Exception e) {
                if (next.onFailure() != null) {
                    next.onFailure().accept(e);
                }
            }
        }
        synchronized (this) {
            if (frames.isEmpty()) {
                draining = false;
                return;
            }
        }
        schedule(); // more waits: take another turn behind the executor's other work
    }
}
