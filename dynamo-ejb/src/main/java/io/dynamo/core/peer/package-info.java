/**
 * Calling peers and suspecting them: {@link io.dynamo.core.peer.PeerChannel} sends a request over the transport and
 * reports every answer and miss to the {@link io.dynamo.core.peer.FailureDetector}, which coordination, handoff,
 * transfer, anti-entropy and gossip consult before routing. Depends only on the transport, time and the ground.
 */
package io.dynamo.core.peer;
