package io.dynamo.core.listing;

import io.dynamo.core.base.DynamoException;

/**
 * No replica of a partition answered a listing (503): its keys cannot be listed now, and a page never skips them
 * silently. The same cursor may be used again later.
 */
public final class ListingUnavailableException extends DynamoException {
    public ListingUnavailableException(String message) {
        super(message);
    }
}
