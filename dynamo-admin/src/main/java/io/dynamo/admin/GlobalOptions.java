package io.dynamo.admin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes, before or after the command's name. */
final class GlobalOptions {
    @Option(names = "--node", paramLabel = "URL", split = ",", scope = ScopeType.INHERIT,
            description = "A node to talk to (repeatable, or a comma list); the others are learnt from the ring."
                    + " Default: DYNAMO_NODES, else http://127.0.0.1:8080.")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--credentials", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A properties file with user=... (default admin) and password=... (the local cluster's"
                    + " data/credentials works too). Default: DYNAMO_ADMIN_USER and DYNAMO_ADMIN_PASSWORD.")
    Path credentials;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the API's answers as JSON (one document) instead of tables.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", scope = ScopeType.INHERIT,
            description = "How long to wait for a node's answer (default 10); with transfers --wait, how long to"
                    + " wait for the transfers to finish (default 600).")
    Integer timeoutSeconds;
}
