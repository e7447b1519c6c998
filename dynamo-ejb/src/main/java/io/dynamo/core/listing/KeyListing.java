package io.dynamo.core.listing;

import io.dynamo.core.base.Key;
import java.util.List;

/**
 * One page of a listing: live keys in ring order, and the cursor of the next page, null when the listing is over. A
 * page may hold fewer keys than asked for, even none, and still have a next one (a lister reads a bounded part of
 * the ring per page).
 */
public record KeyListing(List<Key> keys, ListingCursor next) {
    public KeyListing {
        keys = List.copyOf(keys);
    }
}
