package io.dynamo.infra.jgroups;

import io.dynamo.core.transport.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jgroups.Address;

/**
 * Requests sent and not yet answered, by id. Whoever takes an entry out (reply, timeout, view change, close)
 * is the one that completes it, so each request completes exactly once and never lingers.
 */
final class PendingRequests {
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> byId = new ConcurrentHashMap<>();

    record Pending(long id, String node, Address address, CompletableFuture<Message> reply) {
    }

    Pending add(String node, Address address, CompletableFuture<Message> reply) {
        Pending p = new Pending(ids.incrementAndGet(), node, address, reply);
        byId.put(p.id(), p);
        return p;
    }

    /** The request with this id, if it is still pending and was sent to {@code from}. */
    Pending take(long id, Address from) {
        Pending p = byId.get(id);
        return p != null && p.address().equals(from) && byId.remove(id, p) ? p : null;
    }

    Pending take(long id) {
        return byId.remove(id);
    }

    List<Pending> takeTo(Set<Address> addresses) {
        List<Pending> taken = new ArrayList<>();
        if (!addresses.isEmpty()) {
            for (Pending p : byId.values()) {
                if (addresses.contains(p.address()) && byId.remove(p.id(), p)) {
                    taken.add(p);
                }
            }
        }
        return taken;
    }

    List<Pending> takeAll() {
        List<Pending> taken = new ArrayList<>();
        for (Pending p : byId.values()) {
            if (byId.remove(p.id(), p)) {
                taken.add(p);
            }
        }
        return taken;
    }

    int size() {
        return byId.size();
    }
}
