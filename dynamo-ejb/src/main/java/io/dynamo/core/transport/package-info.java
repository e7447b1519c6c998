/** How nodes talk: the transport contract, the messages as sealed records, and their binary codec. */
package io.dynamo.core.transport;
