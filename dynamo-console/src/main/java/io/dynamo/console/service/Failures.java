package io.dynamo.console.service;

import io.dynamo.api.ErrorCode;
import io.dynamo.client.DynamoClientException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** What the operator reads when the cluster refused or did not answer: what happened and what to do. */
public final class Failures {
    private Failures() {
    }

    public static String explain(DynamoClientException e) {
        int status = e.status();
        if (status == 0) {
            return "No node answered (" + where(e.triedNodes()) + ": " + cause(e) + "). Check that the node runs"
                    + " and the URL is right, or connect to another node.";
        }
        String what = status + " " + e.error() + (e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail());
        if (status == 401) {
            return "Not signed in (" + what + "). Use the admin user '" + Credentials.ADMIN_USER
                    + "' with its password (the local cluster keeps it in data/credentials as"
                    + " DYNAMO_SECURITY_ADMIN_PASSWORD).";
        }
        if (status == 403) {
            return "Not allowed (" + what + "). The admin API needs the admin user '" + Credentials.ADMIN_USER
                    + "', not the client user; a node without an admin password refuses everyone.";
        }
        if (ErrorCode.STALE_PLAN.code().equals(e.error())) {
            return "The ring changed since this plan was made (" + what + "). Plan again and review the new plan.";
        }
        return "Request to " + where(e.node() == null ? List.of() : List.of(e.node())) + " failed with " + what;
    }

    private static String where(List<URI> nodes) {
        return nodes.isEmpty() ? "the cluster"
                : nodes.stream().distinct().map(URI::getAuthority).collect(Collectors.joining(", "));
    }

    private static String cause(DynamoClientException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return e.error();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
