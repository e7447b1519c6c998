/**
 * Counters of what the node does, for the adapters to expose: fixed-bucket histograms and per-peer latencies, plain
 * Java and lock-free, so counting costs a request a few atomic additions.
 */
package io.dynamo.core.stats;
