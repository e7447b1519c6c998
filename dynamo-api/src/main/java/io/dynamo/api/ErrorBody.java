package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * Body of every error answer.
 *
 * @param error  a stable machine-readable code, e.g. {@code invalid_key}
 * @param detail what was wrong and how to fix it, for humans
 */
@JsonbPropertyOrder({"error", "detail"})
public record ErrorBody(String error, String detail) {
}
