/**
 * {@link io.dynamo.client.DynamoClient}: a Java client of the REST API over the JAX-RS client API, for other
 * applications and the console. Outside a server it needs a JAX-RS client implementation with JSON-B on the class
 * path (Jersey: {@code jersey-client}, {@code jersey-hk2}, {@code jersey-media-json-binding}); inside Payara the
 * server provides one.
 *
 * <p>How it routes: it fetches {@code admin/ring} and {@code admin/nodes} from a node, places keys as the nodes
 * do ({@code Placement}), and sends each request to the first reachable node of the key's preference list, so
 * the node that receives it coordinates it without a forwarding hop. Every key-value answer
 * carries the node's ring version ({@code X-Dynamo-Ring-Version}); a newer one than the client's makes it refetch
 * the ring on its next request, and it refetches every 10 s anyway. Routing information is only ever an
 * optimisation: without it (admin API refused, no node has a ring yet) requests go round-robin over the known
 * nodes, and any node coordinates any key.
 *
 * <p>{@link io.dynamo.client.DynamoAdmin} makes the admin calls and {@link io.dynamo.client.EventStream} follows
 * the admin event stream, through the same nodes, failover and {@link io.dynamo.client.DynamoClientException}.
 *
 * <p>Classes: {@code Router} (candidates, refresh policy, nodes marked down), {@code RingSnapshot} (the immutable
 * view routing reads), {@code Placement} (a key's partition and preference list), {@code RingFetcher} (the admin
 * fetch), {@code NodeHttp} (one exchange with one node), {@code Answers} (answers into values or exceptions); keys
 * are encoded by {@code io.dynamo.api.KeyPaths}. Nothing here uses the server's classes (ArchUnit checks it).
 */
package io.dynamo.client;
