/**
 * JMH microbenchmarks of one node's hot paths, run by {@code config/microbench.sh}: version merges and their codec
 * ({@code VersionBench}), writes and reads of the Xodus store ({@code XodusBench}), and the cluster traffic's cipher
 * ({@code CipherBench}). They measure core and storage classes directly, which is why this module may use
 * {@code io.dynamo.core} and {@code io.dynamo.infra}, never the server's REST or EJB packages.
 */
package io.dynamo.bench.jmh;
