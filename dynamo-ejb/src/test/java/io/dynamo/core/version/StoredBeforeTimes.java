package io.dynamo.core.version;

import java.util.HexFormat;
import java.util.List;

/**
 * A sibling set in format 1, as the release before versions had times wrote it to disk (and as peers of wire format 4
 * and older send it): clock {n1.a:3 at 1000, n2.b:1 at 2000}, a value of n1.a:3 ("a/b", bytes 1 2 3), a tombstone of
 * n2.b:1.
 */
public final class StoredBeforeTimes {
    public static final String HEX = "0102046e312e6103e807046e322e6201d00f0200030003612f6203010203010101";

    private StoredBeforeTimes() {
    }

    public static byte[] bytes() {
        return HexFormat.of().parseHex(HEX);
    }

    public static List<VectorClock.Entry> clock() {
        return List.of(new VectorClock.Entry("n1.a", 3, 1000), new VectorClock.Entry("n2.b", 1, 2000));
    }

    /** The versions it holds, each without a time. */
    public static List<Sibling> siblings() {
        return List.of(new Sibling(new Dot("n1.a", 3), Value.of(new byte[] {1, 2, 3}, "a/b"), HybridTime.ZERO),
                new Sibling(new Dot("n2.b", 1), Value.tombstone(), HybridTime.ZERO));
    }
}
