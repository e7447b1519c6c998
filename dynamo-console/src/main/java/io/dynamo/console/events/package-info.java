/**
 * Live updates: the admin event streams (ring, nodes' health, hint queues) read through the Java client's
 * {@code EventStream}, reconnecting when a node goes away, and handed to a {@code ClusterEventListener}. Plain Java,
 * no JavaFX (ArchUnit), so the streams are tested without a toolkit.
 */
package io.dynamo.console.events;
