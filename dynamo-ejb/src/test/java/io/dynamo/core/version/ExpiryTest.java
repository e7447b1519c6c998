package io.dynamo.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a version's expiry reads, buries and merges. */
class ExpiryTest {
    private static final long NOW = 1_700_000_000_000L;
    private final Value soon = Value.of(new byte[] {1}, "text/plain").expiringAt(NOW + 1000);
    private final SiblingSet one = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("a", 1), soon, NOW,
            new HybridTime(NOW, 0), 10);

    @Test
    void aTimeToLiveIsFromOneSecondToTenYears() {
        Value v = Value.of(new byte[0], null);
        assertThat(Expiry.after(v, 1, NOW).expiresAt()).isEqualTo(NOW + 1000);
        assertThat(Expiry.after(v, Expiry.MAX_SECONDS, NOW).expiresAt()).isEqualTo(NOW + 315_360_000_000L);
        for (long bad : new long[] {0, -1, Expiry.MAX_SECONDS + 1, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> Expiry.after(v, bad, NOW)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Value.tombstone().expiringAt(NOW)).isSameAs(Value.tombstone());
    }

    @Test
    void aVersionIsLiveUntilItsExpiry() {
        assertThat(one.isLiveAt(NOW + 999)).isTrue();
        assertThat(one.isLiveAt(NOW + 1000)).isFalse();
        assertThat(one.isDeletedAt(NOW + 1000)).isTrue();
        assertThat(one.isDeleted()).isFalse();
        assertThat(one.expired(NOW + 999)).isSameAs(one);
    }

    @Test
    void buryingKeepsTheClockAndEveryVersionItDoesNotExpire() {
        // A concurrent write, not seen by the expiring one, and a later write of the same actor that is also
        // concurrent (its context did not see dot a:1): neither may be lost.
        SiblingSet both = one.put(Context.EMPTY, new Dot("b", 1), Value.of(new byte[] {2}, null), NOW, 10)
                .put(Context.EMPTY, new Dot("a", 2), Value.of(new byte[] {3}, null), NOW, 10);
        SiblingSet buried = both.expired(NOW + 1000);
        assertThat(buried.clock()).isEqualTo(both.clock());
        assertThat(buried).isEqualTo(both); // the same dots: anti-entropy sees nothing to repair
        assertThat(buried.liveValues()).extracting(v -> v.bytes()[0]).containsExactly((byte) 2, (byte) 3);
        assertThat(buried.siblings()).filteredOn(s -> s.value().isTombstone()).extracting(Sibling::dot)
                .containsExactly(new Dot("a", 1));
    }

    @Test
    void aMergeKeepsTheBuriedCopyWhicheverSideHasIt() {
        SiblingSet buried = one.expired(NOW + 1000);
        for (SiblingSet merged : List.of(one.merge(buried), buried.merge(one))) {
            assertThat(merged.isDeleted()).isTrue();
            assertThat(merged.siblings()).hasSize(1);
        }
        SiblingSet latest = one.latestWins();
        SiblingSet buriedLatest = latest.expired(NOW + 1000);
        assertThat(latest.merge(buriedLatest).isDeleted()).isTrue();
        assertThat(buriedLatest.merge(latest).isDeleted()).isTrue();
    }

    @Test
    void aNewerWriteSupersedesAnExpiredVersionAndIsNotExpiredByIt() {
        SiblingSet buried = one.expired(NOW + 1000);
        SiblingSet rewritten = buried.put(buried.context(), new Dot("a", 2), Value.of(new byte[] {4}, null), NOW,
                10);
        assertThat(rewritten.siblings()).hasSize(1);
        assertThat(rewritten.merge(one).isLiveAt(Long.MAX_VALUE)).isTrue();
        assertThat(one.merge(rewritten).liveValues()).hasSize(1);
    }
}
