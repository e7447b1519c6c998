/**
 * Online backups of a node: each store pins a consistent image of its files while it keeps taking writes, and
 * {@link io.dynamo.core.backup.NodeBackup} copies them with a manifest of sizes and SHA-256 sums.
 */
package io.dynamo.core.backup;
