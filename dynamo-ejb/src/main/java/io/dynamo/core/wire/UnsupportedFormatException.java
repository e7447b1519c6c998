package io.dynamo.core.wire;

/**
 * A message in a wire format newer than this node reads: it came from a node of a later release that wrote past
 * what this node announced it reads. Malformed input like any other (an {@link IllegalArgumentException}), but
 * with a cause an operator can act on: upgrade this node, or roll the other back.
 */
public final class UnsupportedFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int format;
    private final int newestReadable;

    public UnsupportedFormatException(int format, int newestReadable) {
        super("wire format version " + format + " is newer than the newest this node reads (" + newestReadable
                + ")");
        this.format = format;
        this.newestReadable = newestReadable;
    }

    public int format() {
        return format;
    }

    public int newestReadable() {
        return newestReadable;
    }
}
