package io.dynamo.core.namespace;

/**
 * What a namespace's settings are checked against: the ring's members, the cluster's N (which every background
 * service walks: a namespace's N may not exceed it, see docs/replication.md), and the node's own limits.
 */
public record ClusterLimits(int nodes, int clusterReplicas, int maxKeyBytes, int maxValueBytes, int siblingsMax) {
}
