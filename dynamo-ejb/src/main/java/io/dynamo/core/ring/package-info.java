/** Where keys live: MD5 partitioning into Q equal partitions, the versioned ring of owners, preference lists, and join/leave plans. */
package io.dynamo.core.ring;
