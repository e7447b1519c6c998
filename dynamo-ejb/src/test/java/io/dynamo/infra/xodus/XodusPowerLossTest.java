package io.dynamo.infra.xodus;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.store.DotSource;
import io.dynamo.core.version.Dot;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power loss, as {@link PowerCut} makes it: the store's log files are cut back to what was fsynced, then opened
 * again. What a store promised to keep must be there, and no dot may be issued twice.
 */
class XodusPowerLossTest {
    @TempDir
    Path temp;

    @Test
    void aCounterReservationIsSyncedBeforeItsFirstDotIsUsed() {
        Path live = temp.resolve("live");
        try (XodusStorageEngine engine = XodusStorageEngine.open(live, Duration.ZERO, SyncRecordingProvider.NAME)) {
            Dot issued = new DotSource("n1", engine).next(0);

            try (XodusStorageEngine after = XodusStorageEngine.open(PowerCut.of(live).cutTo(temp.resolve("cut")),
                    Duration.ZERO)) {
                Dot next = new DotSource("n1", after).next(0);
                assertThat(next.actor()).as("the same store, so the same actor").isEqualTo(issued.actor());
                assertThat(next.counter()).as("a counter past the block reserved before the cut")
                        .isGreaterThan(issued.counter());
            }
        }
    }
}
