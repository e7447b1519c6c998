package io.dynamo.infra.xodus;

import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.store.StorageEngineContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

class XodusStorageEngineTest extends StorageEngineContract {
    @TempDir
    Path dir;

    @Override
    protected StorageEngine create() {
        return XodusStorageEngine.open(dir, Duration.ZERO);
    }

    @Override
    protected StorageEngine reopen(StorageEngine closed) {
        closed.close();
        return XodusStorageEngine.open(dir, Duration.ZERO);
    }
}
