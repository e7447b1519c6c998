package io.dynamo.client;

import java.util.Objects;
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
 */
public record WriteOptions(OptionalInt w, OptionalInt dw, String matching, boolean onlyIfAbsent) {
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
        return new WriteOptions(w, OptionalInt.of(dw), matching, onlyIfAbsent);
    }

    /**
     * These options, and write only if {@code etag} (a read's {@link Versions#etag()}) names the key's current
     * version as the coordinating node reads it; otherwise the write fails with a {@link DynamoClientException} for
     * which {@link DynamoClientException#preconditionFailed()} is true. A best-effort check: see docs/api.md.
     */
    public WriteOptions ifMatch(String etag) {
        return new WriteOptions(w, dw, Objects.requireNonNull(etag, "etag"), onlyIfAbsent);
    }

    /** These options, and write only if the key has no value (never written, or deleted); else as for ifMatch. */
    public WriteOptions ifAbsent() {
        return new WriteOptions(w, dw, matching, true);
    }

    /** The query string for these options: empty, or {@code ?w=..}, {@code ?dw=..} or both. */
    String query() {
        String dwPart = Quorums.query("dw", dw);
        return Quorums.query("w", w) + (w.isPresent() ? dwPart.replace('?', '&') : dwPart);
    }
}
