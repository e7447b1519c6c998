package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One partition changing owner: its data streams from {@code from} to {@code to}. */
@JsonbPropertyOrder({"partition", "from", "to"})
public record MoveBody(int partition, String from, String to) {
}
