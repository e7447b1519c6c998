package io.dynamo.core.node;

import io.dynamo.core.base.Causes;
import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.LocalReplica;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.version.SiblingSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Reads a key's copies from every node that should or may hold one, for the admin API; repairs nothing. */
final class ReplicaCopies {
    private final NodeConfig config;
    private final Function<Key, PreferenceList> preferenceList;
    private final LocalReplica local;
    private final PeerChannel peers;

    ReplicaCopies(NodeConfig config, Function<Key, PreferenceList> preferenceList, LocalReplica local,
                  PeerChannel peers) {
        this.config = config;
        this.preferenceList = preferenceList;
        this.local = local;
        this.peers = peers;
    }

    /**
     * Every copy of the key, for the admin API: this node's read locally, every other node of the key's preference
     * list asked with {@link ReadReplica}. The map holds each replica (with the error when it did not
     * answer), then each fallback that holds something for the key (a hint), in preference order. Nothing is
     * repaired; the answers feed the failure detector like any other call.
     */
    CompletableFuture<Map<String, ReplicaVersions>> versionsOnReplicas(Key key) {
        config.requireKeyWithinLimit(key);
        PreferenceList list = preferenceList.apply(key);
        Map<String, CompletableFuture<ReplicaVersions>> asked = new LinkedHashMap<>();
        for (String node : list.all()) {
            boolean replica = list.isReplica(node);
            asked.put(node, node.equals(config.nodeId())
                    ? CompletableFuture.completedFuture(new ReplicaVersions(node, replica, local.read(key), ""))
                    : peers.call(node, new ReadReplica(key)).handle((reply, failure) -> {
                        if (reply instanceof ReplicaState state) {
                            return new ReplicaVersions(node, replica, state.versions(), "");
                        }
                        String why = reply instanceof Failure f ? f.message()
                                : failure != null ? String.valueOf(Causes.unwrap(failure).getMessage())
                                : "unexpected reply " + reply;
                        return new ReplicaVersions(node, replica, SiblingSet.EMPTY, why);
                    }));
        }
        return CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, ReplicaVersions> copies = new LinkedHashMap<>();
            asked.forEach((node, answer) -> {
                ReplicaVersions copy = answer.join();
                boolean holdsSomething = copy.ok() && !copy.versions().clock().isEmpty();
                if (copy.replica() || holdsSomething) {
                    copies.put(node, copy);
                }
            });
            return copies;
        });
    }
}
