/** Restoring a node's data directory from one of its backups, offline: what {@code dynamo-admin restore} runs. */
package io.dynamo.client.restore;
