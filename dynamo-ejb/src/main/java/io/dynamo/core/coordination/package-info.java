/** Coordinating requests across the replicas of a key: quorums and their failures. */
package io.dynamo.core.coordination;
