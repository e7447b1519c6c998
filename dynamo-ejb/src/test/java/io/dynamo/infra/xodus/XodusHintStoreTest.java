package io.dynamo.infra.xodus;

import io.dynamo.core.handoff.HintStore;
import io.dynamo.core.handoff.HintStoreContract;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

class XodusHintStoreTest extends HintStoreContract {
    @TempDir
    Path dir;

    @Override
    protected HintStore create() {
        return XodusHintStore.open(dir, Duration.ZERO);
    }

    @Override
    protected HintStore reopen(HintStore closed) {
        closed.close();
        return XodusHintStore.open(dir, Duration.ZERO);
    }
}
