package io.dynamo.core.transport;

/** Done; {@code synced} when the write it answers is on the replica's disk (fsynced), as the write asked. */
public record Ack(boolean synced) implements Message {
    public Ack() {
        this(false);
    }
}
