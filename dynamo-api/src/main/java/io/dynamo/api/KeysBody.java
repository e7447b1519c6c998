package io.dynamo.api;

import java.util.List;

/**
 * A page of a key listing ({@code GET .../keys}): keys in ring order (the order of their hashes, not of their
 * text), and the cursor of the next page.
 *
 * @param keys       the page's keys as plain strings (not percent-encoded), at most the limit asked for; a page may
 *                   be empty and still have a next one
 * @param nextCursor what to pass as {@code cursor} for the next page, unchanged; null (absent) when the listing is
 *                   over
 */
public record KeysBody(List<String> keys, String nextCursor) {
    /** The media type of the line-per-key form of a page. */
    public static final String NDJSON = "application/x-ndjson";
    /** Keys a page holds when no limit is given. */
    public static final int DEFAULT_LIMIT = 100;
    /** The most keys one page may hold. */
    public static final int MAX_LIMIT = 1000;
}
