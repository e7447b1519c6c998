package io.dynamo.infra.xodus;

import jetbrains.exodus.io.DataReader;
import jetbrains.exodus.io.FileDataReader;
import jetbrains.exodus.io.FileDataReaderWriterProvider;
import jetbrains.exodus.io.FileDataWriter;

/**
 * Xodus' file reader/writer, with every fsync reported to the {@link PowerCut} of its directory. Xodus finds it by
 * class name through {@code META-INF/services}; an engine opened with {@link #NAME} uses it.
 */
public final class SyncRecordingProvider extends FileDataReaderWriterProvider {
    static final String NAME = SyncRecordingProvider.class.getCanonicalName();

    @Override
    protected FileDataWriter newFileDataWriter(String location, DataReader reader) {
        PowerCut cut = PowerCut.of(java.nio.file.Path.of(location));
        return new FileDataWriter((FileDataReader) reader, null) {
            @Override
            protected void syncImpl() {
                // Sizes first: what was written before the fsync began is on the disk once it returns.
                PowerCut.Image written = cut.written();
                super.syncImpl();
                cut.synced(written);
            }
        };
    }
}
