package io.dynamo.core.antientropy;

import io.dynamo.core.transport.Message;

/**
 * Anti-entropy: the hashes of some nodes of one level of the sender's peer's Merkle tree for a partition
 * (level 0 is the root). Reply: {@link MerkleHashes}.
 */
public record MerkleQuery(int partition, int level, int[] nodes) implements Message {
}
