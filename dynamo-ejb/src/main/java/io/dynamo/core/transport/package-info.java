/**
 * How nodes talk: the {@link io.dynamo.core.transport.ClusterTransport} contract, the open
 * {@link io.dynamo.core.transport.Message} marker, the replies every service gives ({@link
 * io.dynamo.core.transport.Ack}, {@link io.dynamo.core.transport.Failure}) and the typed
 * {@link io.dynamo.core.transport.MessageHandler}. The bottom of the messaging: it imports no other core package; the
 * message records live beside the services that send and handle them, their codec in {@code core.wire}.
 */
package io.dynamo.core.transport;
