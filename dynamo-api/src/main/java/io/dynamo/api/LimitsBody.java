package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The answering node's limits on what a request may send, and how often the sibling limits came into play since
 * it started.
 *
 * @param maxKeyBytes      longest key ({@code dynamo.max.key.bytes})
 * @param maxValueBytes    largest value ({@code dynamo.max.value.bytes})
 * @param siblingsWarn     a write leaving a key with more siblings is logged and counted ({@code dynamo.siblings.warn})
 * @param siblingsMax      a write that would leave a key with more siblings is refused ({@code dynamo.siblings.max})
 * @param writesPastWarn   writes this node coordinated that left a key past {@code siblingsWarn}
 * @param writesRefused    writes this node refused for {@code siblingsMax}
 */
@JsonbPropertyOrder({"answeredBy", "maxKeyBytes", "maxValueBytes", "siblingsWarn", "siblingsMax", "writesPastWarn",
        "writesRefused"})
public record LimitsBody(String answeredBy, int maxKeyBytes, int maxValueBytes, int siblingsWarn, int siblingsMax,
                         long writesPastWarn, long writesRefused) {
}
