package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A get's answer as JSON: always for siblings (300 Multiple Choices), and for one version when the client prefers
 * {@code application/json}.
 *
 * @param context  the same value as the X-Dynamo-Context header; a put with it supersedes every sibling listed
 * @param siblings the versions, in no particular order
 */
@JsonbPropertyOrder({"context", "siblings"})
public record VersionsBody(String context, List<SiblingBody> siblings) {
}
