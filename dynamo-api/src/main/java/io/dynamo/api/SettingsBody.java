package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The request body of {@code POST /admin/settings} and {@code /admin/settings/commit}: the cluster's new N, R and W,
 * all three given.
 *
 * @param n           N, the replicas of each key: at most the number of nodes when it grows
 * @param r           the default R of a read, 1 to N
 * @param w           the default W of a write, 1 to N
 * @param ringVersion commit only: the {@code fromVersion} of the plan that was reviewed
 */
@JsonbPropertyOrder({"n", "r", "w", "ringVersion"})
public record SettingsBody(int n, int r, int w, Long ringVersion) {
}
