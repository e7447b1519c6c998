/**
 * Namespaces: named key spaces of one cluster, each with its own N, quorums, limits and required role, kept in a
 * versioned catalog that travels with the ring in the gossiped, persisted membership state.
 */
package io.dynamo.core.namespace;
