package io.dynamo.jaxrs.admin;

import io.dynamo.api.ClockEntryBody;
import io.dynamo.api.DotBody;
import io.dynamo.api.KeyVersionsBody;
import io.dynamo.api.ReplicaVersionsBody;
import io.dynamo.api.VersionBody;
import io.dynamo.api.VersionSetBody;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.ReplicaVersions;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.Sibling;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.VectorClock;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A key's copies side by side: each copy's clock and siblings, how the copies' clocks relate, and the merge of them
 * all (with its context, so a client can resolve the siblings and write the result back).
 */
final class VersionViews {
    private VersionViews() {
    }

    static KeyVersionsBody of(String self, Key key, int partition, Map<String, ReplicaVersions> copies) {
        SiblingSet merged = copies.values().stream().filter(ReplicaVersions::ok).map(ReplicaVersions::versions)
                .reduce(SiblingSet.EMPTY, SiblingSet::merge);
        Set<Dot> current = merged.siblings().stream().map(Sibling::dot).collect(Collectors.toSet());
        List<ReplicaVersionsBody> replicas = copies.values().stream()
                .map(copy -> copy(copy, copies.values(), merged.clock(), current))
                .toList();
        return new KeyVersionsBody(self, key.toString(), partition, set(merged, current), replicas);
    }

    private static ReplicaVersionsBody copy(ReplicaVersions copy, Collection<ReplicaVersions> all,
                                            VectorClock merged, Set<Dot> current) {
        if (!copy.ok()) {
            return new ReplicaVersionsBody(copy.node(), copy.replica(), copy.error(), null, null, null, null);
        }
        VectorClock clock = copy.versions().clock();
        Map<String, String> relations = new LinkedHashMap<>();
        for (ReplicaVersions other : all) {
            if (other.ok() && !other.node().equals(copy.node())) {
                relations.put(other.node(), clock.compare(other.versions().clock()).name());
            }
        }
        return new ReplicaVersionsBody(copy.node(), copy.replica(), null, clock.compare(merged).name(), relations,
                clock(clock), siblings(copy.versions(), current));
    }

    private static VersionSetBody set(SiblingSet set, Set<Dot> current) {
        return new VersionSetBody(set.context().encode(), clock(set.clock()), siblings(set, current));
    }

    private static List<ClockEntryBody> clock(VectorClock clock) {
        return clock.entries().stream().map(e -> new ClockEntryBody(e.actor(), e.counter(), e.time())).toList();
    }

    private static List<VersionBody> siblings(SiblingSet set, Set<Dot> current) {
        Base64.Encoder base64 = Base64.getEncoder();
        return set.siblings().stream()
                .sorted((a, b) -> a.dot().compareTo(b.dot()))
                .map(s -> new VersionBody(new DotBody(s.dot().actor(), s.dot().counter()),
                        s.value().isTombstone() ? null : base64.encodeToString(s.value().bytes()),
                        s.value().contentType(), s.value().isTombstone(), !current.contains(s.dot())))
                .toList();
    }
}
