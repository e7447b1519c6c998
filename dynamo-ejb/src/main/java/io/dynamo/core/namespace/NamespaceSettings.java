package io.dynamo.core.namespace;

import io.dynamo.core.version.Expiry;
import io.dynamo.core.version.Value;

/**
 * What a namespace's keys get: N replicas, the default R and W, the default dw (0 for the node's durability
 * setting), the conflict policy, the longest key and largest value, the sibling warning and maximum, and the role
 * a client needs ({@link #NO_ROLE} for none), and the default time to live of a put, in seconds (0 for none). Checked
 * on its own here; against the cluster in {@link NamespacePlanner}.
 */
public record NamespaceSettings(int replicas, int readQuorum, int writeQuorum, int durableWrites,
                                ConflictPolicy policy, int maxKeyBytes, int maxValueBytes, int siblingsWarn,
                                int siblingsMax, String role, long ttlSeconds) {
    public static final String NO_ROLE = "none";

    /** Settings without a default time to live. */
    public NamespaceSettings(int replicas, int readQuorum, int writeQuorum, int durableWrites, ConflictPolicy policy,
                             int maxKeyBytes, int maxValueBytes, int siblingsWarn, int siblingsMax, String role) {
        this(replicas, readQuorum, writeQuorum, durableWrites, policy, maxKeyBytes, maxValueBytes, siblingsWarn,
                siblingsMax, role, 0);
    }

    public NamespaceSettings {
        require(replicas >= 1 && replicas <= 64, "N=" + replicas + " is out of range: N must be 1 or more");
        require(readQuorum >= 1 && readQuorum <= replicas, "R=" + readQuorum + " is out of range: it must be between"
                + " 1 and N=" + replicas);
        require(writeQuorum >= 1 && writeQuorum <= replicas, "W=" + writeQuorum + " is out of range: it must be"
                + " between 1 and N=" + replicas);
        require(durableWrites >= 0 && durableWrites <= writeQuorum, "dw=" + durableWrites + " is out of range: it"
                + " must be between 0 (the node's durability setting) and W=" + writeQuorum);
        require(policy != null, "the conflict policy is missing");
        require(maxKeyBytes >= 1, "the key limit " + maxKeyBytes + " must be 1 byte or more");
        require(maxValueBytes >= 1, "the value limit " + maxValueBytes + " must be 1 byte or more");
        require(siblingsWarn >= 1 && siblingsWarn <= siblingsMax, "the sibling warning " + siblingsWarn
                + " must be from 1 to the sibling maximum " + siblingsMax);
        require(role != null && (role.equals(NO_ROLE) || role.matches("[a-z][a-z0-9_-]{0,63}")), "role '"
                + NamespaceName.shown(role) + "' is invalid: it is 'none' or the name of a role (" + NamespaceName.RULE
                + ")");
        require(ttlSeconds >= 0 && ttlSeconds <= Expiry.MAX_SECONDS, "the default TTL " + ttlSeconds + " is out of"
                + " range: it is 0 (none) or whole seconds from 1 to " + Expiry.MAX_SECONDS + " (10 years)");
    }

    /** The value as a put in this namespace stores it: with the default TTL unless it has its own or is a delete. */
    public Value withDefaultTtl(Value value, long nowMillis) {
        return ttlSeconds == 0 || value.isTombstone() || value.expiresAt() != Value.NEVER ? value
                : Expiry.after(value, ttlSeconds, nowMillis);
    }

    /** Whether a client needs a role at all. */
    public boolean needsRole() {
        return !role.equals(NO_ROLE);
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            throw new InvalidNamespaceException(why);
        }
    }
}
