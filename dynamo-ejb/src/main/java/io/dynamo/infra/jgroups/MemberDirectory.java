package io.dynamo.infra.jgroups;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgroups.Address;
import org.jgroups.View;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.NameCache;

/**
 * One view's members by node id. The node id travels inside each member's address (an {@link ExtendedUUID}
 * key), so the mapping needs neither JGroups' JVM-wide name cache nor a round trip; immutable, swapped whole
 * on every view.
 */
final class MemberDirectory {
    static final String NODE_ID_KEY = "dynamo.node";
    static final MemberDirectory EMPTY = new MemberDirectory(Map.of(), Map.of());

    private final Map<String, Address> byName;
    private final Map<Address, String> names;

    private MemberDirectory(Map<String, Address> byName, Map<Address, String> names) {
        this.byName = byName;
        this.names = names;
    }

    static MemberDirectory of(View view) {
        Map<String, Address> byName = new HashMap<>();
        Map<Address, String> names = new HashMap<>();
        // Views list members oldest first: if a restarted node is in the view twice for a moment, the newest wins.
        for (Address member : view.getMembers()) {
            String name = nodeIdOf(member);
            byName.put(name, member);
            names.put(member, name);
        }
        return new MemberDirectory(Map.copyOf(byName), Map.copyOf(names));
    }

    /** The node id carried by an address this transport generated; JGroups' logical name for any other. */
    static String nodeIdOf(Address address) {
        if (address instanceof ExtendedUUID u) {
            byte[] id = u.get(NODE_ID_KEY);
            if (id != null) {
                return new String(id, StandardCharsets.UTF_8);
            }
        }
        String logical = NameCache.get(address);
        return logical != null ? logical : String.valueOf(address);
    }

    Address addressOf(String node) {
        return byName.get(node);
    }

    boolean contains(Address address) {
        return names.containsKey(address);
    }

    Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
    }

    /** Members of {@code previous} that are not members of this view, by address (a rejoined node is new). */
    Set<Address> departedSince(MemberDirectory previous) {
        Set<Address> departed = new HashSet<>(previous.names.keySet());
        departed.removeAll(names.keySet());
        return departed;
    }

    /** Node ids of departed members that no other address in this view carries. */
    Set<String> goneSince(MemberDirectory previous) {
        Set<String> gone = new TreeSet<>();
        for (Address a : departedSince(previous)) {
            String name = previous.names.get(a);
            if (!byName.containsKey(name)) {
                gone.add(name);
            }
        }
        return gone;
    }
}
