package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code POST /admin/anti-entropy/{partition}}: what one exchange did.
 *
 * @param answeredBy        the node that ran it
 * @param partition         the partition compared
 * @param peer              the other replica it was compared with
 * @param inSync            true when nothing had to move
 * @param segmentsDiffering leaf segments whose hashes differed (0: the trees agreed at the root)
 * @param keysCompared      keys of those segments held by either side
 * @param keysReceived      versions the peer sent
 * @param keysRepaired      keys whose copy here changed
 * @param keysSent          keys sent to the peer
 * @param roundTrips        requests made to the peer
 * @param tookMillis        how long the exchange took
 */
@JsonbPropertyOrder({"answeredBy", "partition", "peer", "inSync", "segmentsDiffering", "keysCompared", "keysReceived",
        "keysRepaired", "keysSent", "roundTrips", "tookMillis"})
public record ExchangeBody(String answeredBy, int partition, String peer, boolean inSync, int segmentsDiffering,
                           int keysCompared, int keysReceived, int keysRepaired, int keysSent, int roundTrips,
                           long tookMillis) {
}
