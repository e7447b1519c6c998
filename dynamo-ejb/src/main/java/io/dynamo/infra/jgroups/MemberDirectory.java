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
 * One view's members by node id, with the newest wire format each reads. Both travel inside each member's address
 * ({@link ExtendedUUID} keys), so the mapping needs neither JGroups' JVM-wide name cache nor a round trip;
 * immutable, swapped whole on every view.
 */
final class MemberDirectory {
    static final String NODE_ID_KEY = "dynamo.node";
    /** The newest wire format the member reads, as decimal text; absent in releases that wrote format 0 only. */
    static final String WIRE_FORMAT_KEY = "dynamo.wire";
    static final MemberDirectory EMPTY = new MemberDirectory(Map.of(), Map.of(), Map.of());

    private final Map<String, Address> byName;
    private final Map<Address, String> names;
    private final Map<Address, Integer> formats;

    private MemberDirectory(Map<String, Address> byName, Map<Address, String> names, Map<Address, Integer> formats) {
        this.byName = byName;
        this.names = names;
        this.formats = formats;
    }

    static MemberDirectory of(View view) {
        Map<String, Address> byName = new HashMap<>();
        Map<Address, String> names = new HashMap<>();
        Map<Address, Integer> formats = new HashMap<>();
        // Views list members oldest first: if a restarted node is in the view twice for a moment, the newest wins.
        for (Address member : view.getMembers()) {
            String name = nodeIdOf(member);
            byName.put(name, member);
            names.put(member, name);
            formats.put(member, formatOf(member));
        }
        return new MemberDirectory(Map.copyOf(byName), Map.copyOf(names), Map.copyOf(formats));
    }

    /** The newest wire format the member announced; 0 (the unversioned format) when it announced none. */
    static int formatOf(Address address) {
        if (address instanceof ExtendedUUID u) {
            byte[] format = u.get(WIRE_FORMAT_KEY);
            if (format != null) {
                try {
                    return Math.max(0, Integer.parseInt(new String(format, StandardCharsets.UTF_8)));
                } catch (NumberFormatException e) {
                    return 0; // unreadable: the one format every release reads
                }
            }
        }
        return 0;
    }

    static byte[] formatBytes(int format) {
        return Integer.toString(format).getBytes(StandardCharsets.UTF_8);
    }

    /** The newest wire format a member of this view reads; 0 for an address outside it (safe for anyone). */
    int newestFormatOf(Address address) {
        return formats.getOrDefault(address, 0);
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
