package io.dynamo.console.viewmodel;

import io.dynamo.client.DynamoClientException;
import io.dynamo.console.service.Failures;

/** The text an operator sees for a failed action: the cluster's own explanation, or what went wrong locally. */
final class Problems {
    private Problems() {
    }

    static String describe(Exception e) {
        if (e instanceof DynamoClientException cluster) {
            return Failures.explain(cluster);
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return "Unexpected failure: " + e;
    }
}
