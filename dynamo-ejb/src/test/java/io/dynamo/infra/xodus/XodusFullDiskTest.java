package io.dynamo.infra.xodus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dynamo.core.base.Key;
import io.dynamo.core.store.DotSource;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.store.SiblingLimits;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A data directory that fills up: writes fail with a {@link StorageException} naming the cause, the replica reports
 * its storage failing (the node's readiness check reads that), what was stored before stays readable, and once there
 * is room again writes succeed, the failure clears, and a reopened store has every acknowledged write.
 * The directory is a small tmpfs of its own (mounting needs root, as in CI).
 */
class XodusFullDiskTest {
    private Path dir;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "a tmpfs of its own needs Linux");
        // Not skipped when not root: the CI runs as root, and a skip there would hide that this test never ran.
        assertThat(uid()).as("XodusFullDiskTest mounts a 3 MiB tmpfs and needs root; run the tests as root, as "
                + "the CI does (or leave it out with -Dtest='!XodusFullDiskTest')").isZero();
        Path mountPoint = Files.createTempDirectory("dynamo-full-disk");
        try {
            run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mountPoint.toString());
        } catch (IllegalStateException e) {
            Files.delete(mountPoint);
            throw e;
        }
        dir = mountPoint;
    }

    @AfterEach
    void unmount() throws Exception {
        if (dir != null) {
            // Lazy: Xodus' shared background threads may still hold the directory for a moment after close.
            run("umount", "-l", dir.toString());
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void aFullDiskFailsWritesClearlyAndLosesNothingAcknowledged() throws Exception {
        List<Integer> acknowledged = new ArrayList<>();
        StorageException failure = null;
        Value value = Value.of(new byte[16 * 1024], "application/octet-stream");
        try (XodusStorageEngine engine = XodusStorageEngine.open(dir, Duration.ZERO)) {
            ReplicaStore replica = new ReplicaStore(engine, new DotSource("n1", engine), Clock.systemUTC(), 10,
                    SiblingLimits.none("n1"));
            for (int i = 0; i < 1000 && failure == null; i++) {
                try {
                    replica.coordinate(Key.of("k" + i), Context.EMPTY, value);
                    acknowledged.add(i);
                } catch (StorageException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("the 3 MiB disk filled up").isNotNull();
            assertThat(failure.getMessage()).contains(dir.toString(), "No space left on device");
            assertThat(replica.health().failure()).hasValue(failure.getMessage());
            for (int n : acknowledged) {
                assertThat(replica.read(Key.of("k" + n)).liveValues()).as("k" + n + " while full").hasSize(1);
            }

            run("mount", "-o", "remount,size=64m", dir.toString());
            replica.coordinate(Key.of("after"), Context.EMPTY, value);
            assertThat(replica.health().failure()).as("cleared by the next successful write").isEmpty();
        }
        try (XodusStorageEngine reopened = XodusStorageEngine.open(dir, Duration.ZERO)) {
            for (int n : acknowledged) {
                assertThat(reopened.read(Key.of("k" + n)).liveValues()).as("k" + n + " after reopening").hasSize(1);
            }
            assertThat(reopened.read(Key.of("after")).liveValues()).hasSize(1);
        }
    }

    private static int uid() throws Exception {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
