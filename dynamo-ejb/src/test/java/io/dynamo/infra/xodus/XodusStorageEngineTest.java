package io.dynamo.infra.xodus;

import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.store.StorageEngineContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class XodusStorageEngineTest extends StorageEngineContract {
    @TempDir
    Path dir;

    @Override
    protected StorageEngine create() {
        return XodusStorageEngine.open(dir, false);
    }

    @Override
    protected StorageEngine reopen(StorageEngine closed) {
        closed.close();
        return XodusStorageEngine.open(dir, false);
    }
}
