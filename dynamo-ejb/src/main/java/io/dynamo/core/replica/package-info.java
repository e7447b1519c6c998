/**
 * What one replica is asked and answers about a key: {@link io.dynamo.core.replica.ReadReplica},
 * {@link io.dynamo.core.replica.WriteReplica} and the {@link io.dynamo.core.replica.ReplicaState} they return.
 * Coordination, hinted handoff, anti-entropy and transfers send them. Depends only on the transport's
 * {@link io.dynamo.core.transport.Message}, versions and the ground.
 */
package io.dynamo.core.replica;
