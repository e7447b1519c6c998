package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The identity of one write: the node that coordinated it and that node's counter.
 *
 * @param actor   the coordinating node
 * @param counter its counter, from 1
 */
@JsonbPropertyOrder({"actor", "counter"})
public record DotBody(String actor, long counter) {
}
