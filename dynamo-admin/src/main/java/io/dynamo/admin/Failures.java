package io.dynamo.admin;

import io.dynamo.api.ErrorCode;
import io.dynamo.client.DynamoClientException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** Turns what the client reports into the operator's message (which node, what failed, what next) and exit code. */
final class Failures {
    private Failures() {
    }

    static CliFailure of(DynamoClientException e) {
        int status = e.status();
        if (status == 0) {
            String where = where(e.triedNodes());
            if (DynamoClientException.UNREACHABLE.equals(e.error())) {
                return new CliFailure(ExitCode.UNAVAILABLE, "no node answered (tried " + where + ": " + cause(e)
                        + ").\nCheck that the node runs and that --node (or DYNAMO_NODES) names its HTTP address.");
            }
            return new CliFailure(ExitCode.UNAVAILABLE, "the request to " + where + " failed: " + cause(e) + ".");
        }
        String node = e.node() == null ? "the cluster" : e.node().getAuthority();
        String what = status + (e.error() == null ? "" : " " + e.error())
                + (e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail().strip());
        if (DynamoClientException.INVALID_RESPONSE.equals(e.error())) {
            return new CliFailure(ExitCode.UNAVAILABLE, node + " answered something that is not the admin API's ("
                    + what + ").\nCheck that --node is the node's HTTP address, e.g. http://127.0.0.1:8080.");
        }
        if (status == 401) {
            return new CliFailure(ExitCode.AUTH, node + " refused the credentials (" + what + ").\nGive the admin"
                    + " user's password: --credentials FILE (password=...) or DYNAMO_ADMIN_PASSWORD; the local"
                    + " cluster keeps it in data/credentials.");
        }
        if (status == 403) {
            return new CliFailure(ExitCode.AUTH, node + " does not allow this (" + what + ").\nThe admin API needs"
                    + " the admin user (default 'admin'), not the client user; a node without an admin password"
                    + " refuses everyone.");
        }
        if (ErrorCode.STALE_PLAN.code().equals(e.error())) {
            // the namespaces' plans are refused with the same code, the detail naming their catalog
            String changed = e.detail() != null && e.detail().contains("catalog") ? "the namespaces" : "the ring";
            return new CliFailure(ExitCode.REFUSED, node + ": " + changed + " changed since the plan was made (" + what
                    + ").\nNothing was committed: run the command again to review a new plan.");
        }
        if (status >= 500) {
            return new CliFailure(ExitCode.UNAVAILABLE, node + " could not serve the request (" + what
                    + ").\nTry again, or ask another node with --node.");
        }
        return new CliFailure(ExitCode.REFUSED, node + " refused the request (" + what + ").");
    }

    private static String where(List<URI> nodes) {
        return nodes.isEmpty() ? "no node"
                : nodes.stream().distinct().map(URI::getAuthority).collect(Collectors.joining(", "));
    }

    private static String cause(DynamoClientException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return e.error();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }
}
