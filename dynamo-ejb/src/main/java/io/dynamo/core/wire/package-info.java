/**
 * The binary form of every message of the core, in numbered formats for rolling upgrades
 * ({@link io.dynamo.core.wire.MessageCodec}). It sits above every package whose messages it encodes (replica,
 * coordination, anti-entropy, transfer, membership, peer, transport); only the transport adapters and tests use it.
 */
package io.dynamo.core.wire;
