/**
 * Listing keys: a page of keys in ring order, read from every live replica of each partition in turn (a covering
 * set), the replicas' versions of each key merged before deciding whether it is live, and an opaque cursor that
 * names the ring position to resume from, so it stays valid across ring changes.
 */
package io.dynamo.core.listing;
