package io.dynamo.api;

import java.util.List;

/**
 * A batch's answer (200, whatever each key's outcome): one result per key, in the order the batch named them.
 *
 * @param results the keys' outcomes
 */
public record BatchResultsBody(List<BatchResultBody> results) {
}
