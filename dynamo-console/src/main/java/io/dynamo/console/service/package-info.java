/**
 * What the console asks of the cluster ({@code ClusterService}): the admin API and the key-value calls that resolve
 * siblings, implemented over the Java client ({@code ClientClusterService}); {@code SwitchableClusterService} lets the
 * operator connect to another cluster; {@code Failures} words the client's errors for an operator. Plain Java, no
 * JavaFX.
 */
package io.dynamo.console.service;
