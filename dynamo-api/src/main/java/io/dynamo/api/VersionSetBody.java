package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A set of concurrent versions of one key and the clock of everything seen.
 *
 * @param context  the opaque context (as in {@code X-Dynamo-Context}): a put with it supersedes these siblings
 * @param clock    the version vector, by actor
 * @param siblings the versions; within one set they are all concurrent with each other
 */
@JsonbPropertyOrder({"context", "clock", "siblings"})
public record VersionSetBody(String context, List<ClockEntryBody> clock, List<VersionBody> siblings) {
}
