/**
 * Benchmarks of the product: {@link io.dynamo.bench.DynamoYcsbDb}, a YCSB binding over the Java client, run by
 * {@code config/bench.sh} against a local three-node cluster; and, in {@code io.dynamo.bench.jmh}, JMH
 * microbenchmarks of one node's hot paths, run by {@code config/microbench.sh}.
 */
package io.dynamo.bench;
