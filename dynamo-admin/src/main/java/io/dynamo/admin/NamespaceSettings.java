package io.dynamo.admin;

import io.dynamo.api.NamespaceRequestBody;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The settings options of {@code namespace create} and {@code change}; each one not given is not sent, so the
 * node takes it from {@code default} (create) or from the namespace as it is (change).
 */
final class NamespaceSettings {
    private static final Set<String> POLICIES = Set.of("siblings", "last-write-wins");
    /** Ten years: the node's own bound on a namespace's TTL. */
    private static final long MAX_TTL = 315_360_000L;

    @Option(names = "--n", paramLabel = "N", description = "Replicas of each key, 1 to the cluster's N.")
    Integer n;

    @Option(names = "--r", paramLabel = "R", description = "The default read quorum, 1 to N.")
    Integer r;

    @Option(names = "--w", paramLabel = "W", description = "The default write quorum, 1 to N.")
    Integer w;

    @Option(names = "--dw", paramLabel = "D", description = "Durable writes, 0 to W (0: the node's setting).")
    Integer dw;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "The conflict policy: siblings or last-write-wins.")
    String policy;

    @Option(names = "--role", paramLabel = "ROLE",
            description = "The role a client needs: none, client or another role's name.")
    String role;

    @Option(names = "--ttl", paramLabel = "SECONDS",
            description = "The default time to live of a put that gives none, 0 (none) to 315360000.")
    Long ttl;

    @Option(names = "--max-key-bytes", paramLabel = "B", description = "The longest key it takes.")
    Integer maxKeyBytes;

    @Option(names = "--max-value-bytes", paramLabel = "B", description = "The largest value it takes.")
    Integer maxValueBytes;

    @Option(names = "--siblings-warn", paramLabel = "K",
            description = "A write leaving a key with more siblings is logged and counted.")
    Integer siblingsWarn;

    @Option(names = "--siblings-max", paramLabel = "K",
            description = "A write that would leave a key with more siblings is refused.")
    Integer siblingsMax;

    /** The request, after the checks that read better here than the node's 400. */
    NamespaceRequestBody request(String operation, String name) {
        atLeast("--n", n, 1);
        atLeast("--r", r, 1);
        atLeast("--w", w, 1);
        atLeast("--dw", dw, 0);
        atLeast("--max-key-bytes", maxKeyBytes, 1);
        atLeast("--max-value-bytes", maxValueBytes, 1);
        atLeast("--siblings-warn", siblingsWarn, 1);
        atLeast("--siblings-max", siblingsMax, 1);
        if (ttl != null && (ttl < 0 || ttl > MAX_TTL)) {
            throw CliFailure.usage("--ttl must be 0 (none) to " + MAX_TTL + " seconds (10 years); got " + ttl + ".");
        }
        if (policy != null && !POLICIES.contains(policy)) {
            throw CliFailure.usage("--policy '" + policy + "' is not a policy: give siblings or last-write-wins.");
        }
        if (role != null && role.isBlank()) {
            throw CliFailure.usage("--role must not be empty: give none, client or a role's name.");
        }
        return new NamespaceRequestBody(operation, name, n, r, w, dw, policy, maxKeyBytes, maxValueBytes,
                siblingsWarn, siblingsMax, role, ttl, null);
    }

    private static void atLeast(String option, Integer value, int least) {
        if (value != null && value < least) {
            throw CliFailure.usage(option + " must be a whole number of " + least + " or more; got " + value + ".");
        }
    }
}
