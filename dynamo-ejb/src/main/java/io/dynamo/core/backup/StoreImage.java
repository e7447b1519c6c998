package io.dynamo.core.backup;

import java.util.List;

/** A pinned image of a store: the files (and how much of each) a copy must take. Closing it lets the store go on. */
public interface StoreImage extends AutoCloseable {
    List<ImageFile> files();

    @Override
    void close();
}
