/**
 * The cluster transport over JGroups: {@link io.dynamo.infra.jgroups.JGroupsTransport} implements the core's
 * {@code ClusterTransport} with request/reply unicasts over a TCP + TCPPING stack, and feeds JGroups' views and
 * suspicions to the node's failure detector through listener hooks.
 *
 * <p>Threads: JGroups' own threads only parse a frame header and hand over; handlers, sends and the completion of
 * every future run on the executor the node passes in (in the server a pool on the application's managed threads),
 * timeouts on its scheduled executor. Sockets: every one binds to the configured interface (TCP, its client side,
 * FD_SOCK2); the diagnostics socket is off. The stack is {@code classpath:io/dynamo/infra/jgroups/tcp.xml} unless
 * {@code dynamo.jgroups.stack} names another file (its twin for operators is {@code config/jgroups/tcp.xml}).
 */
package io.dynamo.infra.jgroups;
