package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The request body of {@code POST /admin/plan} and {@code /admin/plan/commit}: several changes made as one.
 *
 * @param changes     applied in order; each node named once
 * @param ringVersion commit only: the {@code fromVersion} of the plan that was reviewed
 */
@JsonbPropertyOrder({"changes", "ringVersion"})
public record PlanRequestBody(List<PlanChangeBody> changes, Long ringVersion) {
}
