/**
 * Anti-entropy: replicas of a partition find and repair their differences in the background, as in the Dynamo
 * paper. {@link io.dynamo.core.antientropy.PartitionTrees} keeps one
 * {@link io.dynamo.core.antientropy.MerkleTree} per partition current on every write (an XOR of per-key hashes
 * per leaf segment, so updates are O(1) and order-independent). {@link io.dynamo.core.antientropy.AntiEntropyService}
 * periodically compares a partition's tree with another replica's, descending only where they differ, and
 * exchanges just the differing keys, merging sibling sets on both sides (never overwriting). The tree depth must
 * be the same on every node, like Q.
 */
package io.dynamo.core.antientropy;
