package io.dynamo.core.membership;

import io.dynamo.core.ring.Handover;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;
import java.util.Comparator;
import java.util.List;

/**
 * Which of two rings a node keeps. The higher version wins: ring changes are admin actions that each raise the
 * version by one. Two admins committing at once from the same ring make two different rings of the same version;
 * then every node must keep the same one, whatever order they arrive in, so ties are broken by content: Q, then the
 * members (id, then weight), then the owner of each partition in partition order, the greater winning. The loser's
 * plan is discarded everywhere; its operator sees the other plan's ring and re-plans. Two records of the same ring
 * (same version and layout) differ only in how far its change has come: they are united ({@link Ring#unite}).
 */
final class RingPrecedence {
    private static final Comparator<Member> MEMBER = Comparator.comparing(Member::nodeId)
            .thenComparingInt(Member::weight);
    static final Comparator<Ring> ORDER = Comparator.comparingLong(Ring::version)
            .thenComparingInt(Ring::partitionCount)
            .thenComparing(Ring::members, RingPrecedence::compareMembers)
            .thenComparing(Ring::owners, RingPrecedence::compareOwners)
            .thenComparing(r -> r.settings().orElse(null), Comparator.nullsFirst(
                    Comparator.comparingInt(RingSettings::replicas).thenComparingInt(RingSettings::readQuorum)
                            .thenComparingInt(RingSettings::writeQuorum)));

    private RingPrecedence() {
    }

    /** The ring that wins, or both united when they are the same ring; null stands for "no ring yet" and loses. */
    static Ring newer(Ring a, Ring b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.sameLayout(b)) {
            Ring fromA = a.handover().map(Handover::previous).orElse(null);
            Ring fromB = b.handover().map(Handover::previous).orElse(null);
            if (fromA != null && fromB != null && !fromA.equals(fromB)) {
                // The same ring reached from two different rings: keep the record whose previous ring ranks higher.
                return ORDER.compare(fromA, fromB) >= 0 ? a : b;
            }
            return a.unite(b);
        }
        return ORDER.compare(a, b) >= 0 ? a : b;
    }

    private static int compareMembers(List<Member> a, List<Member> b) {
        return lexicographic(a, b, MEMBER);
    }

    private static int compareOwners(List<String> a, List<String> b) {
        return lexicographic(a, b, Comparator.naturalOrder());
    }

    private static <T> int lexicographic(List<T> a, List<T> b, Comparator<? super T> order) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = order.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
