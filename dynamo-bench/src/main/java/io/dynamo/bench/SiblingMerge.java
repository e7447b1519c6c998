package io.dynamo.bench;

import io.dynamo.client.Sibling;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves the siblings of a record the way an application with field-wise records would: the union of their
 * fields; where siblings disagree on a field, the greater value in unsigned byte order, so that every client
 * resolves the same siblings to the same record whatever order they arrive in.
 */
final class SiblingMerge {
    private SiblingMerge() {
    }

    static Map<String, byte[]> merge(List<Sibling> siblings) {
        Map<String, byte[]> merged = new TreeMap<>();
        for (Sibling sibling : siblings) {
            RecordCodec.decode(sibling.value()).forEach((name, value) ->
                    merged.merge(name, value, (a, b) -> Arrays.compareUnsigned(a, b) >= 0 ? a : b));
        }
        return merged;
    }
}
