package io.dynamo.client;

import java.util.List;
import java.util.Optional;

/**
 * What a get found: no version, one, or several concurrent ones (siblings) that the application should merge.
 *
 * @param found    false when the key has no value (never written, or deleted)
 * @param context  the opaque causal context to send back with the next put or delete of the key; also present for
 *                 a deleted key (a put with it supersedes the delete); null when the key was never written
 * @param siblings the versions, in no particular order; empty when not found
 * @param etag     the read's {@code ETag} as the node sent it, quotes included: give it to
 *                 {@link WriteOptions#ifMatch} to write only over this version; null when the key was never written
 *                 (or the answer had none)
 */
public record Versions(boolean found, String context, List<Sibling> siblings, String etag) {

    public Versions {
        siblings = List.copyOf(siblings);
        if (found == siblings.isEmpty()) {
            throw new IllegalArgumentException(found ? "a found key needs at least one version"
                    : "a missing key has no versions");
        }
    }

    /** Without an ETag. */
    public Versions(boolean found, String context, List<Sibling> siblings) {
        this(found, context, siblings, null);
    }

    static Versions missing(String context, String etag) {
        return new Versions(false, context, List.of(), etag);
    }

    /** True when concurrent writes left more than one version. */
    public boolean hasSiblings() {
        return siblings.size() > 1;
    }

    /**
     * The value when there is exactly one version.
     *
     * @throws IllegalStateException when there are siblings: merge them (see {@link DynamoClient#resolve})
     */
    public Optional<Sibling> value() {
        if (hasSiblings()) {
            throw new IllegalStateException(siblings.size() + " concurrent versions; resolve them first");
        }
        return siblings.stream().findFirst();
    }
}
