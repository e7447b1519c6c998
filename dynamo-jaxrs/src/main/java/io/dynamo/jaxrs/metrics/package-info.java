/** MicroProfile Metrics of the node: request latency histograms and counters of replication work. */
package io.dynamo.jaxrs.metrics;
