package io.dynamo.core.backup;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file of a pinned image.
 *
 * @param path    where it lives relative to the node's data directory ({@code store/00000000000.xd}); the backup
 *                keeps the same layout, so a restore copies it back to the same place
 * @param size    the bytes of the file that belong to the image (a log file may grow meanwhile)
 * @param content opens the file's content from its start
 */
public record ImageFile(String path, long size, Content content) {

    /** Opens the content; the caller reads {@link #size()} bytes and closes it. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
