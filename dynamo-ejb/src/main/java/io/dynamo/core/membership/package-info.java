/** Who is in the cluster and how reachable each peer looks from this node. */
package io.dynamo.core.membership;
