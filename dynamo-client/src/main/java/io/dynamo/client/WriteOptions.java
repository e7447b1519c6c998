package io.dynamo.client;

import io.dynamo.api.DynamoHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-request write settings, for put and delete.
 *
 * @param w            the write quorum for this request (sent as {@code ?w=}); empty for the cluster's W. The node
 *                     checks it against N (a value above N answers 400 {@code invalid_quorum}).
 * @param dw           how many of the W acknowledgements must come from replicas that fsynced the write (sent as
 *                     {@code ?dw=}); empty for the cluster's durability setting. The node checks it against W.
 * @param matching     an ETag ({@link Versions#etag()}, quotes included): write only if it names the key's current
 *                     version (sent as {@code If-Match}); null for no such condition
 * @param onlyIfAbsent write only if the key has no value, never written or deleted (sent as {@code If-None-Match: *})
 * @param ttl          the written value's time to live, whole seconds from 1 s to 10 years (sent as
 *                     {@code X-Dynamo-TTL}); empty for the namespace's default. Puts only: a delete refuses it.
 */
public record WriteOptions(OptionalInt w, OptionalInt dw, String matching, boolean onlyIfAbsent,
                           Optional<Duration> ttl) {
    private static final WriteOptions DEFAULTS = new WriteOptions(OptionalInt.empty(), OptionalInt.empty());

    public WriteOptions {
        Quorums.check("w", w);
        Quorums.check("dw", dw);
        if (matching != null && onlyIfAbsent) {
            throw new IllegalArgumentException("ifMatch and ifAbsent together: no version could meet both");
        }
        if (matching != null && (matching.isBlank() || matching.chars().anyMatch(c -> c < 0x20 || c >= 0x7f))) {
            throw new IllegalArgumentException("ifMatch needs the ETag of a read (Versions.etag()), got '" + matching
                    + "'");
        }
        Objects.requireNonNull(ttl, "ttl (use Optional.empty() for the namespace's default)").ifPresent(
                WriteOptions::ttlSeconds);
    }

    /** Without a time to live. */
    public WriteOptions(OptionalInt w, OptionalInt dw, String matching, boolean onlyIfAbsent) {
        this(w, dw, matching, onlyIfAbsent, Optional.empty());
    }

    /** Without a condition. */
    public WriteOptions(OptionalInt w, OptionalInt dw) {
        this(w, dw, null, false);
    }

    /** With the cluster's durability. */
    public WriteOptions(OptionalInt w) {
        this(w, OptionalInt.empty());
    }

    /** The cluster's W and durability. */
    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    /** Wait for {@code w} replicas to acknowledge, at least 1. */
    public static WriteOptions quorum(int w) {
        return new WriteOptions(OptionalInt.of(w));
    }

    /** These options, and wait until {@code dw} of the acknowledging replicas have fsynced the write (1 to W). */
    public WriteOptions synced(int dw) {
        return new WriteOptions(w, OptionalInt.of(dw), matching, onlyIfAbsent, ttl);
    }

    /**
     * These options, and write only if {@code etag} (a read's {@link Versions#etag()}) names the key's current
     * version as the coordinating node reads it; otherwise the write fails with a {@link DynamoClientException} for
     * which {@link DynamoClientException#preconditionFailed()} is true. A best-effort check: see docs/api.md.
     */
    public WriteOptions ifMatch(String etag) {
        return new WriteOptions(w, dw, Objects.requireNonNull(etag, "etag"), onlyIfAbsent, ttl);
    }

    /** These options, and write only if the key has no value (never written, or deleted); else as for ifMatch. */
    public WriteOptions ifAbsent() {
        return new WriteOptions(w, dw, matching, true, ttl);
    }

    /**
     * These options, and the value expires {@code ttl} after the node takes the put: from then on it reads as
     * deleted, on every replica. Whole seconds from 1 s to 10 years ({@link DynamoHeaders#TTL_MAX_SECONDS}); for a
     * put (and each put of a batch that gives none of its own), never for a delete.
     *
     * @throws IllegalArgumentException for a ttl out of those bounds or with a fraction of a second
     */
    public WriteOptions ttl(Duration ttl) {
        return new WriteOptions(w, dw, matching, onlyIfAbsent, Optional.of(Objects.requireNonNull(ttl, "ttl")));
    }

    /**
     * The time to live in seconds, as the API takes it.
     *
     * @throws IllegalArgumentException when it is not whole seconds from 1 to {@link DynamoHeaders#TTL_MAX_SECONDS}
     */
    static long ttlSeconds(Duration ttl) {
        if (ttl.getNano() != 0 || ttl.getSeconds() < 1 || ttl.getSeconds() > DynamoHeaders.TTL_MAX_SECONDS) {
            throw new IllegalArgumentException("ttl " + ttl + " is not a time to live; give whole seconds from 1 to "
                    + DynamoHeaders.TTL_MAX_SECONDS + " (10 years)");
        }
        return ttl.getSeconds();
    }

    /** These options for a delete: a time to live belongs to a value, and a tombstone takes none. */
    WriteOptions forDelete() {
        if (ttl.isPresent()) {
            throw new IllegalArgumentException("a delete takes no ttl (got " + ttl.get() + "): a time to live belongs"
                    + " to a value; leave it out of the delete's WriteOptions");
        }
        return this;
    }

    /** The query string for these options: empty, or {@code ?w=..}, {@code ?dw=..} or both. */
    String query() {
        String dwPart = Quorums.query("dw", dw);
        return Quorums.query("w", w) + (w.isPresent() ? dwPart.replace('?', '&') : dwPart);
    }
}
