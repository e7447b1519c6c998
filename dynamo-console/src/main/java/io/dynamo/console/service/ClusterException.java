package io.dynamo.console.service;

import java.net.URI;

/**
 * A request the console made that failed: no node answered ({@code status} 0), or a node answered with an error
 * status and the API's JSON {@code {"error", "detail"}}. {@link #getMessage()} says what happened and what to do.
 */
public final class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String error;
    private final String detail;
    private final URI node;

    public ClusterException(URI node, int status, String error, String detail) {
        super(describe(node, status, error, detail));
        this.node = node;
        this.status = status;
        this.error = error;
        this.detail = detail;
    }

    public static ClusterException unreachable(URI node, Throwable cause) {
        ClusterException e = new ClusterException(node, 0, "node_unreachable",
                cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        e.initCause(cause);
        return e;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return detail;
    }

    public URI node() {
        return node;
    }

    public boolean unauthorized() {
        return status == 401 || status == 403;
    }

    private static String describe(URI node, int status, String error, String detail) {
        String where = node == null ? "the cluster" : node.getHost() + ":" + node.getPort();
        if (status == 0) {
            return "No node answered (" + where + ": " + detail + "). Check that the node runs and the URL is right,"
                    + " or connect to another node.";
        }
        String what = status + " " + error + (detail == null || detail.isBlank() ? "" : ": " + detail);
        if (status == 401) {
            return "Not signed in (" + what + "). Use the admin user '" + Credentials.ADMIN_USER
                    + "' with its password (the local cluster keeps it in data/credentials as"
                    + " DYNAMO_SECURITY_ADMIN_PASSWORD).";
        }
        if (status == 403) {
            return "Not allowed (" + what + "). The admin API needs the admin user '" + Credentials.ADMIN_USER
                    + "', not the client user; a node without an admin password refuses everyone.";
        }
        if ("stale_plan".equals(error)) {
            return "The ring changed since this plan was made (" + what + "). Plan again and review the new plan.";
        }
        return "Request to " + where + " failed with " + what;
    }
}
