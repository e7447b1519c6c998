/** Who is in the cluster: the gossiped membership state, its store, join/leave plans and commits, and the loads. */
package io.dynamo.core.membership;
