package io.dynamo.infra.xodus;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.store.RingOrder;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.HybridTime;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.StoredBeforeTimes;
import io.dynamo.core.version.Value;
import java.nio.file.Path;
import java.time.Duration;
import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.Environments;
import jetbrains.exodus.env.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written by the release before versions had times opens and reads unchanged, and takes new writes. */
class XodusOlderFormatTest {
    @TempDir
    Path dir;

    @Test
    void versionsStoredWithoutTimesReadUnchangedAndLaterWritesAddTimes() {
        Key key = Key.of("k");
        XodusStorageEngine.open(dir, Duration.ZERO).close(); // the store as the earlier release created it
        Environment env = Environments.newInstance(dir.toFile());
        try {
            env.executeInTransaction(txn -> env.openStore("siblings", StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING,
                    txn).put(txn, new ArrayByteIterable(RingOrder.storageKey(key)),
                            new ArrayByteIterable(StoredBeforeTimes.bytes())));
        } finally {
            env.close();
        }

        try (XodusStorageEngine store = XodusStorageEngine.open(dir, Duration.ZERO)) {
            SiblingSet old = store.read(key);
            assertThat(old.siblings()).isEqualTo(StoredBeforeTimes.siblings());
            assertThat(old.clock().entries()).isEqualTo(StoredBeforeTimes.clock());
            store.update(key, current -> current.put(current.context(), new Dot("n3.c", 1), Value.of(new byte[] {4},
                    null), 3000, new HybridTime(3000, 1), 10));
        }
        try (XodusStorageEngine store = XodusStorageEngine.open(dir, Duration.ZERO)) {
            SiblingSet now = store.read(key);
            assertThat(now.siblings()).hasSize(1);
            assertThat(now.siblings().get(0).time()).isEqualTo(new HybridTime(3000, 1));
            assertThat(now.clock().counter("n1.a")).isEqualTo(3);
        }
    }
}
