package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One version of a value inside a JSON answer.
 *
 * @param value        the bytes, standard base64 with padding
 * @param contentType  the Content-Type the value was stored with
 * @param lastModified when the version was written (ISO-8601 in UTC, to the millisecond, by the clock of the node
 *                     that coordinated the write); absent for a version written before nodes kept times
 */
@JsonbPropertyOrder({"value", "contentType", "lastModified"})
public record SiblingBody(String value, String contentType, String lastModified) {
}
