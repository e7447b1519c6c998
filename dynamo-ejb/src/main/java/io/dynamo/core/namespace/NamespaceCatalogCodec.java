package io.dynamo.core.namespace;

import io.dynamo.core.codec.BinaryReader;
import io.dynamo.core.codec.BinaryWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link NamespaceCatalog}, a part of the membership state: the entry count, then per entry its
 * name, version, a dropped flag, N, R, W, dw, the policy's label, the key and value limits, the sibling warning and
 * maximum, and the role; in the expiring form (membership state format 5) each entry then ends with its default TTL
 * in seconds. A catalog is written in that form only when a namespace has a default TTL.
 */
public final class NamespaceCatalogCodec {
    private NamespaceCatalogCodec() {
    }

    /** True when the catalog needs the expiring form: a namespace has a default TTL. */
    public static boolean hasTtl(NamespaceCatalog catalog) {
        return catalog.entries().values().stream().anyMatch(n -> n.settings().ttlSeconds() != 0);
    }

    public static BinaryWriter write(BinaryWriter w, NamespaceCatalog catalog) {
        return write(w, catalog, false);
    }

    /** @param withTtl the expiring form; without it a catalog with a default TTL is refused */
    public static BinaryWriter write(BinaryWriter w, NamespaceCatalog catalog, boolean withTtl) {
        if (!withTtl && hasTtl(catalog)) {
            throw new IllegalArgumentException("a catalog with a default TTL needs the expiring form");
        }
        w.writeVarLong(catalog.entries().size());
        for (Namespace n : catalog.entries().values()) {
            NamespaceSettings s = n.settings();
            w.writeString(n.name()).writeVarLong(n.version()).writeByte(n.dropped() ? 1 : 0)
                    .writeVarLong(s.replicas()).writeVarLong(s.readQuorum()).writeVarLong(s.writeQuorum())
                    .writeVarLong(s.durableWrites()).writeString(s.policy().label()).writeVarLong(s.maxKeyBytes())
                    .writeVarLong(s.maxValueBytes()).writeVarLong(s.siblingsWarn()).writeVarLong(s.siblingsMax())
                    .writeString(s.role());
            if (withTtl) {
                w.writeVarLong(s.ttlSeconds());
            }
        }
        return w;
    }

    /** @throws IllegalArgumentException when the bytes are not a catalog this codec wrote */
    public static NamespaceCatalog read(BinaryReader r) {
        return read(r, false);
    }

    /** @param withTtl whether the bytes are in the expiring form */
    public static NamespaceCatalog read(BinaryReader r, boolean withTtl) {
        int count = r.readCount(16);
        List<Namespace> entries = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                String name = r.readString();
                long version = r.readVarLong();
                int dropped = r.readByte();
                if (dropped > 1) {
                    throw new IllegalArgumentException("namespace " + name + " has dropped flag " + dropped);
                }
                NamespaceSettings s = new NamespaceSettings(small(r), small(r), small(r), small(r),
                        ConflictPolicy.of(r.readString()), small(r), small(r), small(r), small(r), r.readString(),
                        withTtl ? r.readVarLong() : 0);
                entries.add(new Namespace(name, s, version, dropped == 1));
            }
        } catch (InvalidNamespaceException e) {
            throw new IllegalArgumentException("invalid namespace in the catalog: " + e.getMessage(), e);
        }
        return NamespaceCatalog.of(entries);
    }

    private static int small(BinaryReader r) {
        long v = r.readVarLong();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("number " + v + " out of range in the namespace catalog");
        }
        return (int) v;
    }
}
