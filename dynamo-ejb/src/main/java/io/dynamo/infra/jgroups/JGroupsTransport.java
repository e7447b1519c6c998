package io.dynamo.infra.jgroups;

import io.dynamo.core.base.InvalidConfigException;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.wire.MessageCodec;
import io.dynamo.core.wire.UnsupportedFormatException;
import io.dynamo.infra.jgroups.PendingRequests.Pending;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Receiver;
import org.jgroups.View;

/**
 * The cluster transport over a JGroups channel: requests and replies are unicasts correlated by id, and nothing
 * that may block runs on JGroups' threads. Those threads only read a frame's header and hand over to the
 * executor, which decodes, runs the handler, sends replies and requests and completes the futures callers get
 * back. Frames go out through one {@link Outbox} per peer, because a send can wait for flow-control credits: a
 * peer that stops reading holds at most one executor thread, and requests to it fail at once when
 * {@value #MAX_QUEUED_BYTES} bytes already wait for it. The scheduler only fires timeouts.
 *
 * <p>A target is addressed by node id, which is its JGroups logical name and is carried in its address. A
 * target outside the current view fails at once; a pending request fails as soon as a view without its target
 * arrives, when it times out, or when this transport closes, always with {@link UnreachableException}.
 */
public final class JGroupsTransport implements ClusterTransport {
    private static final Logger LOG = Logger.getLogger(JGroupsTransport.class.getName());
    /** Per peer: more than flow control's credits (4 MB), so a peer that is merely busy is not refused. */
    static final long MAX_QUEUED_BYTES = 16L * 1024 * 1024;

    private final JGroupsSettings settings;
    private final WireFormats formats;
    private final Executor executor;
    private final ScheduledExecutorService timer;
    private final PendingRequests pending = new PendingRequests();
    private final ConcurrentMap<Address, Outbox> outboxes = new ConcurrentHashMap<>();
    /** Peers whose frames were in a format too new for this node: warned about once per address. */
    private final Set<Address> unreadable = ConcurrentHashMap.newKeySet();
    private final GroupEvents events;
    private final Object viewLock = new Object();
    private final JChannel channel;
    private volatile MemberDirectory directory = MemberDirectory.EMPTY;
    private volatile RequestHandler handler;
    private volatile boolean closed;

    private JGroupsTransport(JGroupsSettings settings, WireFormats formats, Executor executor,
                             ScheduledExecutorService timer) {
        this.settings = settings;
        this.formats = formats;
        this.executor = executor;
        this.timer = timer;
        this.events = new GroupEvents(executor);
        try {
            // Nothing calls back before connect(), so handing out this::suspected here is safe.
            this.channel = ChannelFactory.create(settings, new SuspicionTap(this::suspected), formats);
        } catch (InvalidConfigException e) {
            throw e;
        } catch (Exception e) {
            throw new ClusterJoinException("node " + settings.nodeId() + " could not build its JGroups channel from "
                    + settings.stack() + ": " + e, e);
        }
        channel.setReceiver(new Inbound());
    }

    /**
     * Builds the channel, joins the cluster and returns once this node has its first view (alone if no seed
     * answered within GMS's join timeout; MERGE3 merges it later).
     *
     * @param executor runs handlers, sends and completions; in the server a pool on managed threads
     * @param timer    fires request timeouts; in the server a scheduled pool on managed threads
     * @throws InvalidConfigException when the stack file lacks TCPPING or GMS, or its resource does not exist
     * @throws ClusterJoinException when the stack cannot be built or the channel cannot connect (port in use)
     */
    public static JGroupsTransport start(JGroupsSettings settings, Executor executor, ScheduledExecutorService timer) {
        return start(settings, WireFormats.CURRENT, executor, timer);
    }

    /** With other wire formats than this release's, for tests that play a node of another release. */
    static JGroupsTransport start(JGroupsSettings settings, WireFormats formats, Executor executor,
                                  ScheduledExecutorService timer) {
        JGroupsTransport transport = new JGroupsTransport(Objects.requireNonNull(settings),
                Objects.requireNonNull(formats), Objects.requireNonNull(executor), Objects.requireNonNull(timer));
        transport.connect();
        return transport;
    }

    private void connect() {
        String where = settings.bindAddress() + ":" + settings.bindPort();
        try {
            channel.connect(settings.clusterName());
        } catch (Exception e) {
            channel.close();
            throw new ClusterJoinException("node " + settings.nodeId() + " could not join cluster "
                    + settings.clusterName() + " listening on " + where + ": " + e + "; check that "
                    + JGroupsSettings.PORT + " is free and " + JGroupsSettings.BIND_ADDRESS + " is right", e);
        }
        LOG.info(() -> "node " + settings.nodeId() + " joined cluster " + settings.clusterName() + " on " + where
                + ", view " + channel.view());
    }

    @Override
    public String localNode() {
        return settings.nodeId();
    }

    @Override
    public CompletableFuture<Message> request(String target, Message request, Duration timeout) {
        Objects.requireNonNull(target);
        Objects.requireNonNull(request);
        Objects.requireNonNull(timeout);
        if (closed) {
            return unreachable(target, "the transport of node " + localNode() + " is closed");
        }
        Address address = directory.addressOf(target);
        if (address == null) {
            return unreachable(target, "not a member of the current view of cluster " + settings.clusterName()
                    + " " + directory.names());
        }
        byte[] body = MessageCodec.encode(request, formatFor(address));
        CompletableFuture<Message> reply = new CompletableFuture<>();
        Pending p = pending.add(target, address, reply);
        ScheduledFuture<?> expiry;
        try {
            expiry = timer.schedule(() -> fail(pending.take(p.id()), "no answer within " + timeout.toMillis()
                    + " ms"), timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            pending.take(p.id());
            return unreachable(target, "the timer of node " + localNode() + " is shut down");
        }
        reply.whenComplete((r, e) -> {
            expiry.cancel(false);
            pending.take(p.id()); // the caller may have cancelled
        });
        // Re-check after registering: a view change or close that ran in between did not see this request.
        if (closed) {
            fail(pending.take(p.id()), "the transport of node " + localNode() + " is closed");
        } else if (!directory.contains(address)) {
            fail(pending.take(p.id()), "left the view of cluster " + settings.clusterName());
        } else {
            byte[] frame = Envelope.frame(Envelope.REQUEST, p.id(), body);
            if (!outbox(address).offer(frame, e -> fail(pending.take(p.id()), "sending failed: " + e))) {
                fail(pending.take(p.id()), "it is not taking messages: " + queuedFor(address) + " bytes already "
                        + "wait to be sent to it (a paused or overloaded process, removed from the view if it does "
                        + "not recover)");
            }
        }
        return reply;
    }

    @Override
    public void serve(RequestHandler handler) {
        this.handler = Objects.requireNonNull(handler);
    }

    /**
     * Calls the listener with each node JGroups suspects (on the coordinator) and each node that leaves the view
     * (on every node), once per absence; {@code FailureDetector::suspect} fits. Runs on the executor, in order.
     */
    public void onSuspect(Consumer<String> listener) {
        events.onSuspect(Objects.requireNonNull(listener));
    }

    /** Calls the listener with the current members now, then with the members of every new view, in order. */
    public void onView(Consumer<Set<String>> listener) {
        events.onView(Objects.requireNonNull(listener));
    }

    /**
     * True when this node's cluster traffic is encrypted and authenticated (a cluster key is set, or the stack file
     * has an encryption protocol of its own); false means any process that reaches its port can join and write.
     */
    public boolean encrypted() {
        return ClusterEncryption.isEncrypted(channel.getProtocolStack());
    }

    /** The node ids in the current view, this node included. */
    public Set<String> members() {
        return directory.names();
    }

    /** Leaves the cluster (a graceful leave: peers install a new view at once) and fails pending requests. */
    @Override
    public void close() {
        synchronized (viewLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (Pending p : pending.takeAll()) {
            fail(p, "the transport of node " + localNode() + " closed");
        }
        outboxes.values().forEach(Outbox::close);
        channel.close();
        LOG.info(() -> "node " + settings.nodeId() + " left cluster " + settings.clusterName());
    }

    /** Requests awaiting a reply; for tests. */
    int pendingCount() {
        return pending.size();
    }

    /** The channel; for tests that inspect the stack or simulate a crash. */
    JChannel channel() {
        return channel;
    }

    private void onViewAccepted(View view) {
        MemberDirectory previous;
        MemberDirectory next = MemberDirectory.of(view);
        synchronized (viewLock) {
            previous = directory;
            directory = next;
        }
        for (Pending p : pending.takeTo(next.departedSince(previous))) {
            fail(p, "left the view of cluster " + settings.clusterName());
        }
        unreadable.removeIf(a -> !next.contains(a));
        // Requests to departed nodes failed just above; replies to them are moot.
        outboxes.entrySet().removeIf(e -> {
            if (next.contains(e.getKey())) {
                return false;
            }
            e.getValue().close();
            return true;
        });
        events.viewChanged(next.names(), next.goneSince(previous));
    }

    private void suspected(Address address) {
        events.suspected(MemberDirectory.nodeIdOf(address));
    }

    /** On the executor: decode, run the handler, reply when its future completes. */
    private void serveRequest(Address from, Envelope request) {
        long id = request.id();
        RequestHandler h = handler;
        if (h == null) {
            post(from, Envelope.failure(id, "node " + localNode() + " does not serve requests yet"));
            return;
        }
        String peer = MemberDirectory.nodeIdOf(from);
        CompletableFuture<Message> answer;
        try {
            answer = h.handle(peer, MessageCodec.decode(request.body(), formats.reads()));
            Objects.requireNonNull(answer, "the handler returned no future");
        } catch (UnsupportedFormatException e) {
            String why = "node " + localNode() + " cannot read a request from node " + peer + ": " + e.getMessage()
                    + "; upgrade node " + localNode() + " (node " + peer + " wrote a newer format than node "
                    + localNode() + " announces)";
            if (unreadable.add(from)) {
                LOG.warning(why);
            }
            post(from, Envelope.failure(id, why));
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "node " + localNode() + " could not handle a request", e);
            post(from, Envelope.failure(id, "node " + localNode() + " could not handle the request: " + e));
            return;
        }
        if (answer.isDone()) {
            reply(from, id, answer);
        } else {
            // The handler's future may complete on any thread, a JGroups one included: send from the executor.
            answer.whenCompleteAsync((r, e) -> reply(from, id, answer), executor);
        }
    }

    private void reply(Address to, long id, CompletableFuture<Message> answer) {
        byte[] frame;
        try {
            frame = Envelope.frame(Envelope.REPLY, id, MessageCodec.encode(answer.join(), formatFor(to)));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            frame = Envelope.failure(id, "node " + localNode() + " failed to answer: " + cause);
        }
        post(to, frame);
    }

    /** On the executor: a reply (or the receiver's failure) completes the request. */
    private void complete(Pending p, Envelope envelope) {
        if (envelope.kind() == Envelope.FAILURE) {
            p.reply().completeExceptionally(new UnreachableException(p.node(), envelope.reason()));
            return;
        }
        try {
            p.reply().complete(MessageCodec.decode(envelope.body(), formats.reads()));
        } catch (UnsupportedFormatException e) {
            p.reply().completeExceptionally(new UnreachableException(p.node(), "node " + localNode()
                    + " cannot read its reply: " + e.getMessage() + "; upgrade node " + localNode()));
        } catch (RuntimeException e) {
            p.reply().completeExceptionally(new UnreachableException(p.node(), "its reply cannot be decoded: " + e));
        }
    }

    /** A reply or a failure notice: if it cannot be sent, the requester times out. */
    private void post(Address to, byte[] frame) {
        Consumer<Exception> onFailure = e -> LOG.fine(() -> "node " + localNode() + " could not send a reply to "
                + to + ": " + e);
        if (!outbox(to).offer(frame, onFailure)) {
            LOG.fine(() -> "node " + localNode() + " dropped a reply to " + to + ": " + queuedFor(to)
                    + " bytes already wait for it");
        }
    }

    private Outbox outbox(Address to) {
        Outbox box = outboxes.get(to);
        if (box != null) {
            return box;
        }
        // OOB: requests are independent, so a large transfer must not hold up later small ones behind it.
        return outboxes.computeIfAbsent(to, a -> new Outbox(
                frame -> channel.send(new BytesMessage(a, frame).setFlag(org.jgroups.Message.Flag.OOB)),
                executor, MAX_QUEUED_BYTES));
    }

    /** The newest wire format both this node and the peer read. */
    private int formatFor(Address peer) {
        return formats.toward(directory.newestFormatOf(peer));
    }

    private long queuedFor(Address to) {
        Outbox box = outboxes.get(to);
        return box == null ? 0 : box.queuedBytes();
    }

    /** Completes on the executor, so callers' continuations never run on JGroups' or the timer's threads. */
    private void fail(Pending p, String why) {
        if (p != null) {
            onExecutor(() -> p.reply().completeExceptionally(new UnreachableException(p.node(), why)));
        }
    }

    private void onExecutor(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // shutting down: better on this thread than never
        }
    }

    /** Refused before sending: the request certainly never reached the node. */
    private static CompletableFuture<Message> unreachable(String node, String why) {
        return CompletableFuture.failedFuture(new UnreachableException(node, why, false));
    }

    /** Runs on JGroups' threads: reads the header and hands everything else to the executor. */
    private final class Inbound implements Receiver {
        @Override
        public void receive(org.jgroups.Message msg) {
            Envelope envelope;
            try {
                if (!msg.hasArray()) {
                    throw new IllegalArgumentException("not a byte array message: " + msg.getClass().getSimpleName());
                }
                envelope = Envelope.parse(msg.getArray(), msg.getOffset(), msg.getLength());
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "node " + localNode() + " ignores a message from " + msg.getSrc() + ": " + e);
                return;
            }
            Address from = msg.getSrc();
            if (envelope.kind() == Envelope.REQUEST) {
                try {
                    executor.execute(() -> serveRequest(from, envelope));
                } catch (RejectedExecutionException e) {
                    // Dropped: the requester times out. Replying here could block this JGroups thread.
                    LOG.warning(() -> "node " + localNode() + " drops a request from " + from + ": executor full or"
                            + " shut down");
                }
            } else {
                Pending p = pending.take(envelope.id(), from);
                if (p != null) {
                    onExecutor(() -> complete(p, envelope));
                }
            }
        }

        @Override
        public void viewAccepted(View view) {
            onViewAccepted(view);
        }
    }
}
