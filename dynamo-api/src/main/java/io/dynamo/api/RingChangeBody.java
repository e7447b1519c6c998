package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A ring change under way, within {@code GET /admin/ring}: the ring's owners are already the new ones, but reads
 * use the previous ring's replicas until every copy is confirmed, and writes reach both until every node reads
 * from the new ones.
 *
 * @param fromVersion     the ring the change started from
 * @param participants    the members of either ring
 * @param seen            the participants that installed the change (copies start once all have)
 * @param copiesConfirmed copies of a partition to a new replica that are done
 * @param copiesNeeded    copies the change needs in all
 * @param switched        the participants that read from the new replicas (the change ends once all do)
 * @param previousOwners  the owner of each partition in the previous ring, indexed by partition
 */
@JsonbPropertyOrder({"fromVersion", "participants", "seen", "copiesConfirmed", "copiesNeeded", "switched",
        "previousOwners"})
public record RingChangeBody(long fromVersion, int participants, int seen, int copiesConfirmed, int copiesNeeded,
                             int switched, List<String> previousOwners) {
}
