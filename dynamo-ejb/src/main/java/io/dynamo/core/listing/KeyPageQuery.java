package io.dynamo.core.listing;

import io.dynamo.core.transport.Message;
import java.util.Arrays;

/**
 * Listing: the receiver's keys of one partition and namespace, whose bytes start with {@code prefix}, from the
 * storage position {@code from} on (inclusive), at most {@code limit} of them. Reply: {@link KeyPage}. Wire format
 * 7 on; never sent to a peer that reads an older one.
 */
public record KeyPageQuery(int partition, String namespace, byte[] prefix, byte[] from, int limit) implements Message {

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPageQuery q && partition == q.partition && limit == q.limit
                && namespace.equals(q.namespace) && Arrays.equals(prefix, q.prefix) && Arrays.equals(from, q.from);
    }

    @Override
    public int hashCode() {
        return (partition * 31 + limit) * 31 + Arrays.hashCode(from);
    }

    @Override
    public String toString() {
        return "KeyPageQuery[p" + partition + " " + namespace + " limit " + limit + "]";
    }
}
