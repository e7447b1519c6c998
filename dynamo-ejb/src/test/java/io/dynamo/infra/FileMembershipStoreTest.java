package io.dynamo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.membership.MembershipService;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.NodeInfo;
import io.dynamo.core.membership.NodeStatus;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMembershipStoreTest {
    @TempDir
    Path dir;

    private static MembershipState sample() {
        Ring ring = Ring.initial(256, List.of(Member.of("a"), Member.of("b"), new Member("c", 2)));
        return MembershipState.of(ring, List.of(new NodeInfo("a", "http://a:8080", NodeStatus.JOINED, 3),
                new NodeInfo("d", "", NodeStatus.JOINING, 1)));
    }

    @Test
    void nothingSavedLoadsEmpty() {
        assertThat(FileMembershipStore.in(dir).load()).isEmpty();
    }

    @Test
    void aSavedStateSurvivesReopening() {
        FileMembershipStore.in(dir).save(MembershipState.EMPTY);
        FileMembershipStore.in(dir).save(sample());
        assertThat(FileMembershipStore.in(dir).load()).contains(sample());
        assertThat(dir.resolve("membership.bin.tmp")).doesNotExist();
    }

    @Test
    void aNodeRestartedOverTheFileKeepsItsRing() {
        MembershipService first = MembershipService.open("a", "http://a", 64, 3, true, FileMembershipStore.in(dir));
        first.commit(first.planJoin(Member.of("b")));
        MembershipService again = MembershipService.open("a", "http://a", 64, 3, true, FileMembershipStore.in(dir));
        assertThat(again.state()).isEqualTo(first.state());
        assertThat(again.ring().orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aTemporaryFileLeftByACrashIsIgnored() throws IOException {
        FileMembershipStore.in(dir).save(sample());
        Files.write(dir.resolve("membership.bin.tmp"), new byte[] {1, 2, 3});
        assertThat(FileMembershipStore.in(dir).load()).contains(sample());
        FileMembershipStore.in(dir).save(MembershipState.EMPTY);
        assertThat(FileMembershipStore.in(dir).load()).contains(MembershipState.EMPTY);
    }

    @Test
    void aCorruptFileIsReportedWithWhatToDo() throws IOException {
        FileMembershipStore.in(dir).save(sample());
        Path file = dir.resolve("membership.bin");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(file, bytes);
        assertThatThrownBy(() -> FileMembershipStore.in(dir).load()).isInstanceOf(StorageException.class)
                .hasMessageContaining("corrupt").hasMessageContaining("checksum").hasMessageContaining("seeds");
        Files.write(file, new byte[] {'x'});
        assertThatThrownBy(() -> FileMembershipStore.in(dir).load()).isInstanceOf(StorageException.class)
                .hasMessageContaining("header");
    }

    @Test
    void anUnwritableLocationFailsWithAStorageException() throws IOException {
        Path blocker = dir.resolve("not-a-dir");
        Files.write(blocker, new byte[0]);
        assertThatThrownBy(() -> new FileMembershipStore(blocker.resolve("membership.bin")).save(sample()))
                .isInstanceOf(StorageException.class).hasMessageContaining("cannot save");
    }
}
