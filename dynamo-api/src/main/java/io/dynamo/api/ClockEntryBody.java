package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One entry of a version vector.
 *
 * @param actor   the node that coordinated the writes
 * @param counter how many of its writes were seen
 * @param time    when the entry last advanced, epoch milliseconds (used only to bound the clock's size)
 */
@JsonbPropertyOrder({"actor", "counter", "time"})
public record ClockEntryBody(String actor, long counter, long time) {
}
