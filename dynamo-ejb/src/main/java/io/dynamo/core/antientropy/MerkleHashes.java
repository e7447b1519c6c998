package io.dynamo.core.antientropy;

import io.dynamo.core.transport.Message;

/** Hashes for the nodes asked, in the order asked. */
public record MerkleHashes(int partition, int level, long[] hashes) implements Message {
}
