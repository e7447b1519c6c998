package io.dynamo.infra.jgroups;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jgroups.Address;
import org.jgroups.Message;
import org.jgroups.stack.Protocol;
import org.jgroups.util.ByteArray;
import org.jgroups.util.MessageBatch;
import org.jgroups.util.Util;

/**
 * A pass-through protocol for tests: records the sender of every message coming up and, while recording, the
 * serialized form of every message going down (directly above the transport, that is what goes to the socket,
 * less the transport's own framing).
 */
final class WireTap extends Protocol {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final Set<Address> senders = ConcurrentHashMap.newKeySet();
    private volatile boolean recording;

    @Override
    public Object down(Message msg) {
        if (!recording) {
            return down_prot.down(msg);
        }
        try {
            ByteArray bytes = Util.messageToBuffer(msg);
            synchronized (sent) {
                sent.write(bytes.getArray(), bytes.getOffset(), bytes.getLength());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return down_prot.down(msg);
    }

    @Override
    public Object up(Message msg) {
        senders.add(msg.getSrc());
        return up_prot.up(msg);
    }

    @Override
    public void up(MessageBatch batch) {
        senders.add(batch.sender());
        up_prot.up(batch);
    }

    void startRecording() {
        synchronized (sent) {
            sent.reset();
            recording = true;
        }
    }

    /** Everything sent since {@link #startRecording()}, concatenated. */
    byte[] stopRecording() {
        synchronized (sent) {
            recording = false;
            return sent.toByteArray();
        }
    }

    boolean heardFrom(Address sender) {
        return senders.contains(sender);
    }
}
