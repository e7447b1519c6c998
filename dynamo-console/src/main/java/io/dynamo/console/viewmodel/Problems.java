package io.dynamo.console.viewmodel;

import io.dynamo.console.service.ClusterException;

/** The text an operator sees for a failed action: the cluster's own explanation, or what went wrong locally. */
final class Problems {
    private Problems() {
    }

    static String describe(Exception e) {
        if (e instanceof ClusterException cluster) {
            return cluster.getMessage();
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "Unexpected failure: " + e;
    }
}
