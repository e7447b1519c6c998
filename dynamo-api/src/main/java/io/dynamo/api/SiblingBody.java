package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One version of a value inside a JSON answer.
 *
 * @param value       the bytes, standard base64 with padding
 * @param contentType the Content-Type the value was stored with
 */
@JsonbPropertyOrder({"value", "contentType"})
public record SiblingBody(String value, String contentType) {
}
